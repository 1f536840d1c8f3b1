import java.util.Map;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * The baseline of bench/integration.sh: HAPI's own MLLP server (the successor of SimpleServer) parsing each
 * message and answering its generated ACK, storing nothing. Run: java -cp <hapi jars> HapiAckServer.java PORT
 */
public class HapiAckServer {

    public static void main(String[] args) throws Exception {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        context.setValidationContext(ValidationContextFactory.noValidation());
        HL7Service server = context.newServer(Integer.parseInt(args[0]), false);
        server.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) {
                try {
                    return message.generateACK();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.startAndWait();
        System.out.println("HAPI ACK server listening on " + args[0]);
        Thread.currentThread().join();
    }
}
