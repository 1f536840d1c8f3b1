/**
 * Delivery records (维护记录): the versions in use per system and their upgrades, the document archive and the
 * handover package, optimisation projects on working-day deadlines, emergency plans and their drills — what the
 * hospital accepts the vendor's work and pays on. Its features are nested modules.
 */
package org.medops.records;
