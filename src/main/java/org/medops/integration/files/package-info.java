/**
 * The file reader source (文件读取): polls a directory for files matching a pattern (device exports), takes a file
 * once its size and modification time held still across two polls, one message per file, stores it and only then
 * moves it to the archive (or deletes it); a file read again after a crash between store and move is known by its
 * name, size and content hash and not delivered twice.
 */
@ApplicationModule
package org.medops.integration.files;

import org.springframework.modulith.ApplicationModule;
