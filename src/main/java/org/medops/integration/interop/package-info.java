/**
 * National interoperability interfaces (互联互通): the HL7 v3 web service national platforms call
 * ({@code HIPMessageServer(action, message)}, SOAP 1.1 and 1.2, WSDL at {@code ?wsdl}) and a FHIR R4 facade
 * ({@code POST /fhir/{type}}) on one port of the integration role. A route table sends each interaction (action) or
 * resource type to a channel; every message is stored through the one intake and answered only after the commit
 * (an {@code MCCI_IN000002UV01} acknowledgement; the patient query {@code PRPA_IN201305UV02} is answered with the
 * latest registration of that patient).
 */
@ApplicationModule
package org.medops.integration.interop;

import org.springframework.modulith.ApplicationModule;
