package org.csotracker.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every model in {@code processes/} passes bpmnlint's recommended rules and follows the house rules. */
class ProcessModelTests {

    private static List<Path> models(String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }

    @Test
    void bpmnlintPassesOnEveryProcess() throws Exception {
        List<Path> bpmn = models(".bpmn");
        assertThat(bpmn).extracting(p -> p.getFileName().toString())
                .contains("hiring.bpmn", "academy.bpmn", "certification.bpmn");
        List<String> command = new ArrayList<>(List.of("node_modules/.bin/bpmnlint"));
        bpmn.forEach(p -> command.add(p.toString()));
        Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as(output).isZero();
    }

    @Test
    void everyProcessAndDecisionHasAHistoryTimeToLiveAndReadableIds() throws IOException {
        for (Path model : Stream.concat(models(".bpmn").stream(), models(".dmn").stream()).toList()) {
            String xml = Files.readString(model);
            assertThat(xml).as(model + " sets historyTimeToLive").contains("historyTimeToLive=\"");
            assertThat(xml).as(model + " has no generated ids")
                    .doesNotContainPattern("id=\"(Activity|Flow|Gateway|Event|StartEvent|EndEvent)_[0-9a-z]{7}\"");
        }
    }
}
