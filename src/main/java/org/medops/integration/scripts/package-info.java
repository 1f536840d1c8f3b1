/**
 * Channel scripts (脚本): a JavaScript sandbox (Rhino, interpreted, no host access, CPU-time and allocation
 * limits) for steps, transformers and filters, and the code libraries that channels share, versioned and audited.
 */
@ApplicationModule
package org.medops.integration.scripts;

import org.springframework.modulith.ApplicationModule;
