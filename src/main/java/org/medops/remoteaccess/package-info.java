/**
 * Remote-maintenance windows (远程维护许可): a vendor engineer asks for remote access to a system in a time window; the hospital approves; outside an approved window remote vendor accounts can only read. Its features are nested modules.
 */
package org.medops.remoteaccess;
