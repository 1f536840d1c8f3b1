/**
 * What {@code --demo} adds so a newcomer sees the platform at work: a demo upstream speaking like a
 * hospital's HIS, LIS and medical-insurance (医保) systems, demo services and channels, and a light
 * stream of signed traffic through the real gateway. Never active without {@code medops.demo=true}.
 */
package org.medops.demo;
