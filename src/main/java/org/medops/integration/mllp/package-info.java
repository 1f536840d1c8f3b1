/**
 * The MLLP source (MLLP 监听): a non-blocking Vert.x TCP listener per enabled channel, MLLP framing
 * (0x0B … 0x1C 0x0D), many concurrent senders; each message is stored before its ACK is written, and
 * malformed input is answered AR/AE and stored as errored. Deploys channel changes within a second.
 */
@ApplicationModule
package org.medops.integration.mllp;

import org.springframework.modulith.ApplicationModule;
