/**
 * Who may do what (用户管理, 角色管理): users, roles bundling permission codes, form login with
 * lockout and password policy, bearer tokens for scripts, and the built-in roles of the MLPS
 * level-3 three-role separation (三员分立). Owns the web security configuration.
 */
package org.medops.identity;
