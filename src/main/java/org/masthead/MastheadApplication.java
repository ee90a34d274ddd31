package org.masthead;

import org.masthead.identity.AdminCommand;
import org.masthead.imports.ImportCommand;
import org.masthead.media.MediaCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MastheadApplication {

    public static void main(String[] args) {
        // an operator's command starts only what it needs, beside a running Masthead or without one
        if (args.length > 0 && args[0].equals(AdminCommand.NAME)) {
            System.exit(AdminCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(ImportCommand.NAME)) {
            System.exit(ImportCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(MediaCommand.NAME)) {
            System.exit(MediaCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(MastheadApplication.class, args);
    }
}
