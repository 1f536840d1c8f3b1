/**
 * Data-operation requests (数据库操作申请): SQL with its rollback, a reason and the ticket or change it belongs to,
 * drafted against a database target of inspection; previewed in a transaction that is always rolled back (row
 * counts and before-images), approved or refused by a second person, executed once in a transaction that aborts when
 * the rows differ from the expected count, and undone by a rollback request that is reviewed the same way.
 */
@ApplicationModule(displayName = "Data-operation requests")
package org.medops.dataops.requests;

import org.springframework.modulith.ApplicationModule;
