package org.csotracker.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --csotracker.generate.scale=1.0} (1.0 = statewide: 100,000 officers) loads the generated
 * dataset at start, once: a marker row stops a second run on the same database.
 */
@Component
@ConditionalOnProperty("csotracker.generate.scale")
@Order(100)
class GenerateOnStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GenerateOnStart.class);

    private final StatewideDataset dataset;
    private final double scale;
    private final String password;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    GenerateOnStart(StatewideDataset dataset, @Value("${csotracker.generate.scale}") double scale,
                    @Value("${csotracker.generate.password:generated-password}") String password,
                    org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.dataset = dataset;
        this.scale = scale;
        this.password = password;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("select count(*) from cso.officer where employee_number like 'GEN-%'", Long.class) > 0) {
            log.info("Generated data already present; not generating again");
            return;
        }
        long start = System.nanoTime();
        dataset.generate(StatewideDataset.Scale.of(scale), password);
        log.info("Generated dataset (scale {}) in {} s", scale, (System.nanoTime() - start) / 1_000_000_000.0);
    }
}
