package org.masthead.imports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up: the runs this node had under way when it stopped are recorded as interrupted. */
@Component
class InterruptedImports implements ApplicationRunner {

    private final ImportRuns runs;

    InterruptedImports(ImportRuns runs) {
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) {
        runs.interrupted();
    }
}
