package org.csotracker.academy.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.csotracker.academy.Academy;
import org.csotracker.academy.Requests;
import org.csotracker.common.InvalidInputException;
import org.csotracker.common.InvalidInputException.FieldError;
import org.csotracker.common.Text;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A module's results as a CSV roster. Errors name the line of the file ({@code line 4: score ...});
 * any error rejects the whole file. Re-uploading the same file records nothing new.
 */
@Component
class ResultsCsv {

    static final String[] HEADER = {"employee_number", "score", "hours_attended", "assessed_on", "instructor",
            "practical_passed", "notes"};
    private static final long MAX_BYTES = 1_000_000;
    private static final java.util.regex.Pattern ROW_FIELD = java.util.regex.Pattern.compile("rows\\[(\\d+)]\\.(.+)");

    private final Academy academy;

    ResultsCsv(Academy academy) {
        this.academy = academy;
    }

    Requests.BulkOutcome record(Long cohortId, String moduleCode, MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", Text.of("invalid.fileEmpty"));
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInputException("file", Text.of("invalid.largerThan1MB"));
        }
        List<Requests.BulkRow> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().containsAll(List.of(HEADER).subList(0, 5))) {
                throw new InvalidInputException("file", Text.of("invalid.csvHeader", String.join(",", HEADER)));
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                try {
                    rows.add(row(record));
                    lines.add(line);
                } catch (InvalidInputException e) {
                    errors.add(new FieldError("line " + line, e.errors().get(0).message()));
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", Text.of("invalid.csvUnreadable", e.getMessage()));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw new InvalidInputException("file", Text.of("invalid.noResultRows"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            return academy.recordResults(cohortId, new Requests.BulkResults(moduleCode, rows));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream().map(err -> onLine(err, lines)).toList());
        }
    }

    private static FieldError onLine(FieldError error, List<Long> lines) {
        Matcher m = ROW_FIELD.matcher(error.field());
        if (!m.matches()) {
            return error;
        }
        long line = lines.get(Integer.parseInt(m.group(1)));
        return new FieldError("line " + line, Text.of("invalid.column", column(m.group(2)), error.message()));
    }

    private static String column(String field) {
        return switch (field) {
            case "officerId", "employeeNumber" -> "employee_number";
            case "hoursAttended" -> "hours_attended";
            case "assessedOn" -> "assessed_on";
            case "practicalPassed" -> "practical_passed";
            default -> field;
        };
    }

    private static Requests.BulkRow row(CSVRecord r) {
        return new Requests.BulkRow(null, value(r, "employee_number"), integer(r, "score"), decimal(r, "hours_attended"),
                date(r, "assessed_on"), value(r, "instructor"), bool(r, "practical_passed"), value(r, "notes"));
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String value = r.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static Integer integer(CSVRecord r, String column) {
        String v = value(r, column);
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, Text.of("invalid.csvWholeNumber", column, v));
        }
    }

    private static BigDecimal decimal(CSVRecord r, String column) {
        String v = value(r, column);
        try {
            return v == null ? null : new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, Text.of("invalid.csvNumber", column, v));
        }
    }

    private static LocalDate date(CSVRecord r, String column) {
        String v = value(r, column);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(column, Text.of("invalid.csvDate", column, v));
        }
    }

    private static Boolean bool(CSVRecord r, String column) {
        String v = value(r, column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase()) {
            case "yes", "true", "y", "1", "pass", "passed" -> true;
            case "no", "false", "n", "0", "fail", "failed" -> false;
            default -> throw new InvalidInputException(column, Text.of("invalid.csvYesNo", column, v));
        };
    }
}
