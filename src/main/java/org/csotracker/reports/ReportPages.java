package org.csotracker.reports;

import java.time.Clock;
import java.time.LocalDate;

import org.csotracker.academy.AcademyReports;
import org.csotracker.certification.CertificationReports;
import org.csotracker.hiring.HiringReports;
import org.csotracker.people.People;
import org.csotracker.security.CsoUser;
import org.csotracker.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Dashboards: each chart is drawn (by {@code js/charts.js}, Chart.js) from the accessible table
 * beside it, so the picture and the numbers cannot disagree. All numbers are aggregated in SQL.
 */
@Controller
class ReportPages {

    /** Cohorts on the pass-rate chart; expiry window in days; officers listed under the expiry chart. */
    static final int COHORTS = 12;
    static final int EXPIRY_DAYS = 90;
    static final int EXPIRY_LIST = 50;
    static final int STATUS_MONTHS = 24;

    private final HiringReports hiring;
    private final AcademyReports academy;
    private final CertificationReports certification;
    private final People people;
    private final Clock clock;

    ReportPages(HiringReports hiring, AcademyReports academy, CertificationReports certification, People people,
                Clock clock) {
        this.hiring = hiring;
        this.academy = academy;
        this.certification = certification;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/reports")
    String index() {
        return "reports/index";
    }

    @GetMapping("/reports/hiring")
    String hiring(Model model) {
        model.addAttribute("funnel", hiring.funnel());
        model.addAttribute("times", hiring.timeInStage());
        return "reports/hiring";
    }

    @GetMapping("/reports/academy")
    String academy(Model model) {
        model.addAttribute("modules", academy.passRatesByModule());
        model.addAttribute("cohorts", academy.passRatesByCohort(LocalDate.now(clock), COHORTS));
        return "reports/academy";
    }

    @GetMapping("/reports/certification")
    String certification(Model model) {
        CsoUser user = CurrentUser.require();
        CertificationReports.Scope scope = Scopes.of(user, people);
        model.addAttribute("unitOnly", scope.officerIds() != null);
        model.addAttribute("months", certification.statusOverTime(STATUS_MONTHS, scope));
        model.addAttribute("expiry", certification.expiringWithin(EXPIRY_DAYS, scope, EXPIRY_LIST));
        return "reports/certification";
    }

    @GetMapping("/reports/continuing-education")
    String continuingEducation(Model model) {
        LocalDate since = LocalDate.now(clock).minusYears(1).plusDays(1);
        model.addAttribute("since", since);
        model.addAttribute("categories", certification.ceHoursByCategory(since));
        return "reports/continuing-education";
    }
}
