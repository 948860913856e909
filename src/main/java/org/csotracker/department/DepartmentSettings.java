package org.csotracker.department;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The department running its CSO program: names printed on certificates and pages, the districts
 * officers are assigned to, and the bargaining unit that vets hires.
 */
@ConfigurationProperties("csotracker.department")
public record DepartmentSettings(
        @DefaultValue("Seattle Police Department") String name,
        @DefaultValue("Collaborative Policing Bureau") String unit,
        @DefaultValue("Teamsters Local 117") String union,
        @DefaultValue({"North", "East", "South", "West", "Southwest"}) List<String> districts,
        @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
