/**
 * The integration console pages: the channel list with live statistics and breaker states, the channel
 * document editor with its versions, the message browser and a message's raw and transformed content side by side.
 */
@ApplicationModule
package org.medops.integration.pages;

import org.springframework.modulith.ApplicationModule;
