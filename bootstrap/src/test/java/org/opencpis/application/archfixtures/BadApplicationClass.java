package org.opencpis.application.archfixtures;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Provider;

/** Deliberately breaks the architecture: imported only by ArchitectureRulesFailTest. */
public class BadApplicationClass {
    private final Provider<ApplicationContext> context;

    public BadApplicationClass(Provider<ApplicationContext> context) {
        this.context = context;
    }

    public ApplicationContext context() {
        return context.get();
    }
}
