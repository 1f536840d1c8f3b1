package org.medops.integration.interop;

import java.util.Optional;

import org.w3c.dom.Element;

/**
 * The SOAP side of {@code HIPMessageServer}: reading a call out of a SOAP 1.1 or 1.2 envelope, wrapping the
 * answer in the caller's version, faults (for a broken envelope only) and the WSDL.
 */
final class Soap {

    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    enum Version {
        V11(SOAP11, "text/xml; charset=utf-8"), V12(SOAP12, "application/soap+xml; charset=utf-8");

        final String namespace;
        final String contentType;

        Version(String namespace, String contentType) {
            this.namespace = namespace;
            this.contentType = contentType;
        }
    }

    /** One {@code HIPMessageServer(action, message)} call, with the WS-Security UsernameToken of its header if any. */
    record Call(Version version, String action, String message, SystemCredentials.Token token) {
    }

    /** The envelope cannot be read as a call: answered with a SOAP fault. */
    static final class Broken extends Exception {
        final Version version;

        Broken(Version version, String reason) {
            super(reason);
            this.version = version;
        }
    }

    private Soap() {
    }

    static Call read(String text, String contentType) throws Broken {
        Version guess = contentType != null && contentType.startsWith("application/soap+xml") ? Version.V12 : Version.V11;
        Element envelope;
        try {
            envelope = V3Message.parseXml(text).getDocumentElement();
        } catch (V3Message.Rejected e) {
            throw new Broken(guess, "the SOAP envelope is " + e.getMessage());
        }
        Version version;
        if (SOAP11.equals(envelope.getNamespaceURI())) {
            version = Version.V11;
        } else if (SOAP12.equals(envelope.getNamespaceURI())) {
            version = Version.V12;
        } else {
            throw new Broken(guess, "the document is not a SOAP 1.1 or 1.2 envelope");
        }
        if (!"Envelope".equals(envelope.getLocalName())) {
            throw new Broken(version, "the root element is not a SOAP Envelope");
        }
        Element body = V3Message.child(envelope, "Body")
                .filter(b -> version.namespace.equals(b.getNamespaceURI()))
                .orElseThrow(() -> new Broken(version, "the envelope has no Body"));
        Element operation = V3Message.child(body, "HIPMessageServer")
                .orElseThrow(() -> new Broken(version, "the Body holds no HIPMessageServer call"));
        String action = V3Message.child(operation, "action").map(Element::getTextContent).map(String::strip)
                .orElseThrow(() -> new Broken(version, "HIPMessageServer has no action"));
        String message = V3Message.child(operation, "message").map(Element::getTextContent)
                .orElseThrow(() -> new Broken(version, "HIPMessageServer has no message"));
        return new Call(version, action, message, V3Message.child(envelope, "Header")
                .flatMap(h -> V3Message.child(h, "Security")).flatMap(sec -> V3Message.child(sec, "UsernameToken"))
                .map(Soap::token).orElse(null));
    }

    /** {@code wsse:UsernameToken}: Username, Password (its Type ending in #PasswordDigest or #PasswordText), Nonce, Created. */
    private static SystemCredentials.Token token(Element token) {
        Optional<Element> password = V3Message.child(token, "Password");
        String type = password.map(p -> p.getAttribute("Type")).orElse("");
        return new SystemCredentials.Token(text(token, "Username"), password.map(Element::getTextContent).orElse(null),
                type.endsWith("#PasswordDigest"), text(token, "Nonce"), text(token, "Created"));
    }

    private static String text(Element parent, String name) {
        return V3Message.child(parent, name).map(Element::getTextContent).map(String::strip).orElse(null);
    }

    static String envelope(Version version, String result) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + version.namespace + "\"><soap:Body>"
                + "<HIPMessageServerResponse xmlns=\"urn:hl7-org:v3\"><HIPMessageServerResult>"
                + V3Message.escape(result) + "</HIPMessageServerResult></HIPMessageServerResponse>"
                + "</soap:Body></soap:Envelope>";
    }

    /** A client fault (SOAP 1.1 {@code soap:Client}, 1.2 {@code soap:Sender}), sent with HTTP 400. */
    static String fault(Version version, String reason) {
        return fault(version, reason, null);
    }

    /** A client fault with a stable code in its detail ({@code <medops:code>interop-auth-wrong</medops:code>}). */
    static String fault(Version version, String reason, String code) {
        String detail = code == null ? "" : "<medops:code xmlns:medops=\"urn:medops:interop\">" + V3Message.escape(code)
                + "</medops:code>";
        String inner = version == Version.V11
                ? "<faultcode>soap:Client</faultcode><faultstring>" + V3Message.escape(reason) + "</faultstring>"
                + (code == null ? "" : "<detail>" + detail + "</detail>")
                : "<soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang=\"en\">"
                + V3Message.escape(reason) + "</soap:Text></soap:Reason>"
                + (code == null ? "" : "<soap:Detail>" + detail + "</soap:Detail>");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + version.namespace
                + "\"><soap:Body><soap:Fault>" + inner + "</soap:Fault></soap:Body></soap:Envelope>";
    }

    static String wsdl(String address) {
        String location = V3Message.escape(address);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema"
                    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
                    xmlns:tns="urn:hl7-org:v3" targetNamespace="urn:hl7-org:v3" name="HIPService">
                  <wsdl:documentation>MedOps 互联互通 HL7 v3 服务：HIPMessageServer(action, message)，action 为交互服务标识（如 PRPA_IN201311UV02），message 为 HL7 v3 消息（XML 字符串）。</wsdl:documentation>
                  <wsdl:types>
                    <xs:schema elementFormDefault="qualified" targetNamespace="urn:hl7-org:v3">
                      <xs:element name="HIPMessageServer">
                        <xs:complexType><xs:sequence>
                          <xs:element name="action" type="xs:string"/>
                          <xs:element name="message" type="xs:string"/>
                        </xs:sequence></xs:complexType>
                      </xs:element>
                      <xs:element name="HIPMessageServerResponse">
                        <xs:complexType><xs:sequence>
                          <xs:element name="HIPMessageServerResult" type="xs:string"/>
                        </xs:sequence></xs:complexType>
                      </xs:element>
                    </xs:schema>
                  </wsdl:types>
                  <wsdl:message name="HIPMessageServerSoapIn"><wsdl:part name="parameters" element="tns:HIPMessageServer"/></wsdl:message>
                  <wsdl:message name="HIPMessageServerSoapOut"><wsdl:part name="parameters" element="tns:HIPMessageServerResponse"/></wsdl:message>
                  <wsdl:portType name="HIPServiceSoap">
                    <wsdl:operation name="HIPMessageServer">
                      <wsdl:input message="tns:HIPMessageServerSoapIn"/>
                      <wsdl:output message="tns:HIPMessageServerSoapOut"/>
                    </wsdl:operation>
                  </wsdl:portType>
                  <wsdl:binding name="HIPServiceSoap" type="tns:HIPServiceSoap">
                    <soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
                    <wsdl:operation name="HIPMessageServer">
                      <soap:operation soapAction="urn:hl7-org:v3/HIPMessageServer" style="document"/>
                      <wsdl:input><soap:body use="literal"/></wsdl:input>
                      <wsdl:output><soap:body use="literal"/></wsdl:output>
                    </wsdl:operation>
                  </wsdl:binding>
                  <wsdl:binding name="HIPServiceSoap12" type="tns:HIPServiceSoap">
                    <soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/>
                    <wsdl:operation name="HIPMessageServer">
                      <soap12:operation soapAction="urn:hl7-org:v3/HIPMessageServer" style="document"/>
                      <wsdl:input><soap12:body use="literal"/></wsdl:input>
                      <wsdl:output><soap12:body use="literal"/></wsdl:output>
                    </wsdl:operation>
                  </wsdl:binding>
                  <wsdl:service name="HIPService">
                    <wsdl:port name="HIPServiceSoap" binding="tns:HIPServiceSoap"><soap:address location="%s"/></wsdl:port>
                    <wsdl:port name="HIPServiceSoap12" binding="tns:HIPServiceSoap12"><soap12:address location="%s"/></wsdl:port>
                  </wsdl:service>
                </wsdl:definitions>
                """.formatted(location, location);
    }
}
