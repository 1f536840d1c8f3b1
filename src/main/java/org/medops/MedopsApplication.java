package org.medops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MedopsApplication {

    public static void main(String[] args) {
        SpringApplication.run(MedopsApplication.class, withDemoFlag(args));
    }

    /** {@code --demo} is shorthand for {@code --medops.demo=true}. */
    static String[] withDemoFlag(String[] args) {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            expanded.add("--demo".equals(arg) ? "--medops.demo=true" : arg);
        }
        return expanded.toArray(String[]::new);
    }

    /** One clock for all business time, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
