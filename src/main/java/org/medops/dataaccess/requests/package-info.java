/**
 * Sensitive-data access requests (敏感数据访问申请): a reader asks to see one scope's content unmasked for a reason and
 * at most 24 hours; members of the information security committee approve (two by default, never the requester, each
 * member once) or refuse; the grant runs from the last approval, expires by itself and can be revoked. Serves the
 * platform's {@link org.medops.dataaccess.ContentGrants}; every step and every view under a grant is audited.
 */
@ApplicationModule(displayName = "Data access requests")
package org.medops.dataaccess.requests;

import org.springframework.modulith.ApplicationModule;
