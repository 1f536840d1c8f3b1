/**
 * The page shell of the console: layout, navigation, home page, language switch and message
 * bundles, error pages, and the one problem-details format of the REST API.
 */
package org.medops.console;
