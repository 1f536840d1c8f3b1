package org.medops.inspection.checks;

/** How a target is reached: a host over SSH, a database over JDBC, an HTTP(S) endpoint, a cluster, or MedOps. */
public enum TargetKind {
    SSH, POSTGRESQL, MYSQL, HTTP, KUBERNETES, MEDOPS
}
