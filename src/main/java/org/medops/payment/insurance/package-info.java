/**
 * Insurance clearing reconciliation (医保对账) with the national medical-insurance platform's interfaces: the
 * hospital's settlement records summed per insurance type, clearing type and clearing agency and checked against the
 * centre's with 3201 (对总账); a group that does not balance is checked line by line with 3202 (对明细账), its detail
 * file uploaded through 9101 and the centre's result file downloaded through 9102, naming the exact settlement IDs
 * that are centre-only, hospital-only or differ in total, fund or personal-account amounts. The files' field sets
 * follow the region (统筹区) configured; a sandbox of the centre speaks the same envelope on a local port.
 */
@ApplicationModule(displayName = "Insurance reconciliation")
package org.medops.payment.insurance;

import org.springframework.modulith.ApplicationModule;
