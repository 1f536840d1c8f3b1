package org.medops.records.versions;

/** The documents that belong to a version (用户手册, 安装手册, 更新说明); each is also an archive document type. */
enum VersionDocumentKind {
    USER_MANUAL, INSTALLATION_MANUAL, UPDATE_NOTES
}
