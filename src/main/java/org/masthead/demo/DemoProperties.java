package org.masthead.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param enabled whether an empty database is filled with the demo newsroom at start-up */
@ConfigurationProperties("masthead.demo")
public record DemoProperties(@DefaultValue("true") boolean enabled) {
}
