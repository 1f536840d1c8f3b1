/**
 * Optimisation projects (集成优化项目, seed 000): a project's milestones — research report, plan, the hospital's written
 * confirmation, delivery, the test report over every core scenario, the hospital's acceptance — each due a number of
 * working days on the business calendar after the one before was completed, so the hospital's delays move the
 * vendor's deadlines instead of counting against it. Lateness by party, the vendor's delivery penalty, reminders
 * before each due date, overdue milestones on the workbench, and the milestone documents for the archive.
 */
@ApplicationModule(displayName = "Records projects")
package org.medops.records.projects;

import org.springframework.modulith.ApplicationModule;
