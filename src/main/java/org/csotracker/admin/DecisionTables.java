package org.csotracker.admin;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.springframework.stereotype.Component;

/**
 * The decision tables the engine runs today, read from its deployed decision definitions (the
 * latest version of each), not from the files on disk.
 */
@Component
class DecisionTables {

    private final RepositoryService repository;

    DecisionTables(RepositoryService repository) {
        this.repository = repository;
    }

    record Column(String label, String expression, String typeRef) {
    }

    record Row(int number, List<String> inputs, List<String> outputs, String description) {
    }

    record Table(String key, String name, int version, String resource, String hitPolicy, String aggregation,
                 List<Column> inputs, List<Column> outputs, List<Row> rows) {
    }

    List<Table> deployed() {
        return repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .sorted(Comparator.comparing(DecisionDefinition::getResourceName).thenComparing(DecisionDefinition::getKey))
                .map(this::table).toList();
    }

    /** The DMN file's name, without the server's directories. */
    private static String fileName(String resource) {
        return resource == null ? null : resource.substring(Math.max(resource.lastIndexOf('/'), resource.lastIndexOf('\\')) + 1);
    }

    private Table table(DecisionDefinition definition) {
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        Decision decision = model.getModelElementById(definition.getKey());
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            return new Table(definition.getKey(), definition.getName(), definition.getVersion(),
                    fileName(definition.getResourceName()), "(not a decision table)", null, List.of(), List.of(), List.of());
        }
        List<Column> inputs = table.getInputs().stream().map(DecisionTables::input).toList();
        List<Column> outputs = table.getOutputs().stream().map(DecisionTables::output).toList();
        List<Rule> rules = List.copyOf(table.getRules());
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            rows.add(new Row(i + 1, texts(rule.getInputEntries()),
                    rule.getOutputEntries().stream().map(e -> blankAsDash(e.getTextContent())).toList(),
                    rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip()));
        }
        return new Table(definition.getKey(), definition.getName(), definition.getVersion(), fileName(definition.getResourceName()),
                table.getHitPolicy().name(), table.getAggregation() == null ? null : table.getAggregation().name(),
                inputs, outputs, rows);
    }

    private static Column input(Input input) {
        String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
                : input.getInputExpression().getText().getTextContent().strip();
        String type = input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef();
        return new Column(labelOr(input.getLabel(), expression), expression, type);
    }

    private static Column output(Output output) {
        return new Column(labelOr(output.getLabel(), output.getName()), output.getName(), output.getTypeRef());
    }

    private static List<String> texts(Collection<? extends UnaryTests> entries) {
        return entries.stream().map(e -> blankAsDash(e.getTextContent())).toList();
    }

    private static String blankAsDash(String text) {
        return text == null || text.isBlank() ? "-" : text.strip();
    }

    private static String labelOr(String label, String fallback) {
        return label == null || label.isBlank() ? fallback : label;
    }
}
