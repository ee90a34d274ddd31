package org.masthead.bench;

import org.masthead.MastheadApplication;
import org.springframework.boot.SpringApplication;

/**
 * Masthead as it ships, plus the benchmark's two additions: a generator of archive stories and
 * loopback-only measuring endpoints under /bench/. Never part of the product jar; bench/run.sh
 * compiles and starts it.
 */
public final class BenchMasthead {

    private BenchMasthead() {
    }

    public static void main(String[] args) {
        SpringApplication.from(MastheadApplication::main).with(BenchConfiguration.class).run(args);
    }
}
