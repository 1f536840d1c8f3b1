package org.medops.dataops.requests;

/**
 * A data-operation request as the API and the console form send it: the target's code, the statements (one or more,
 * separated by semicolons), the rollback SQL, the reason, the ticket or change it belongs to (at least one; a
 * production target needs the change with the hospital's written authorization) and the rows it should affect.
 */
record NewDataOp(String target, String statements, String rollbackSql, String reason, Long ticketId, Long changeId,
                 Long expectedRows) {
}
