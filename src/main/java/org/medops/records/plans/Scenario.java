package org.medops.records.plans;

/** What a plan is for: the outage of the HIS, the database, the network, the gateway, or another scenario. */
enum Scenario {
    HIS_OUTAGE, DATABASE, NETWORK, GATEWAY, OTHER
}
