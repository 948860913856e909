package org.csotracker;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** Modules talk only through each other's API (top-level package) and never in a cycle. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyBusinessCapabilityIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("hiring", "academy", "certification", "documents", "people", "security", "web");
    }

    @Test
    void writesModuleDiagramsForTheDocs() throws Exception {
        Documenter documenter = new Documenter(modules);
        documenter.writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        java.nio.file.Path diagram = java.nio.file.Path.of("target/spring-modulith-docs/components.puml");
        assertThat(java.nio.file.Files.readString(diagram)).contains("People", "Security", "Web");
    }
}
