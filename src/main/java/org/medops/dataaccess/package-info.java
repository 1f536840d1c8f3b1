/**
 * Data rights (数据权): content that may identify patients or show medical data is classified and read only with a data permission or an approved, time-limited access grant of the information security committee; every view is audited. Its features are nested modules.
 */
package org.medops.dataaccess;
