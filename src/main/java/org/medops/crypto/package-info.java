/**
 * The installation's cryptographic suite (商用密码 as an option): remembers which suite the platform last ran
 * under and, when it starts under another, re-seals every sealed secret under the new one in one audited step.
 * The audit chain is not rewritten: it continues under the new hash function, each record naming its own.
 */
package org.medops.crypto;
