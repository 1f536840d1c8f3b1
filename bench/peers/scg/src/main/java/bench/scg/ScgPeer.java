package bench.scg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway with the route from application.yml: everything to the bench's nginx upstream. */
@SpringBootApplication
public class ScgPeer {

    public static void main(String[] args) {
        SpringApplication.run(ScgPeer.class, args);
    }
}
