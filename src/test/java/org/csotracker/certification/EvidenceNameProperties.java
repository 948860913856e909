package org.csotracker.certification;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever file name a client sends with its evidence, the name that is stored and later sent back in
 * a {@code Content-Disposition} header has no path, no control or markup characters, and is never
 * blank or only dots. (jqwik properties: run by the jqwik engine next to Jupiter.)
 */
class EvidenceNameProperties {

    @Property(tries = 500)
    void storedNamesAreSafe(@ForAll("hostileNames") String sent) {
        String stored = ContinuingEducation.safeName(sent);
        assertThat(stored).matches("[A-Za-z0-9._ -]{1,200}").doesNotContain("/").doesNotContain("\\")
                .isEqualTo(stored.strip());
        assertThat(stored.matches("[. ]+")).as("only dots: " + stored).isFalse();
    }

    @Property(tries = 200)
    void plainNamesAreKept(@ForAll("plainNames") String sent) {
        assertThat(ContinuingEducation.safeName("C:\\Users\\me/../scans/" + sent)).isEqualTo(sent);
    }

    @Provide
    Arbitrary<String> hostileNames() {
        Arbitrary<String> parts = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "/", "\\", "../", "..\\", "%2e%2e%2f", "\u0000", "\n", " ", "😀", "<script>",
                        "\u202e", "con", ".pdf", "évidence"),
                Arbitraries.strings().all().ofMaxLength(20));
        return Arbitraries.oneOf(
                parts.list().ofMaxSize(12).map(list -> String.join("", list)),
                Arbitraries.strings().withChars("./\\ ").ofMaxLength(30),
                Arbitraries.strings().alpha().ofMinLength(150).ofMaxLength(400).map(s -> s + ".pdf"));
    }

    @Provide
    Arbitrary<String> plainNames() {
        return Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(40).map(s -> s + ".pdf");
    }
}
