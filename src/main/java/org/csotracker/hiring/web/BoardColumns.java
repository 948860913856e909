package org.csotracker.hiring.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.csotracker.hiring.HiringReports;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The pipeline board's columns as HTML ({@code templates/hiring/board-columns.html}). They are the same
 * for every viewer of one board in one language, so they are rendered once per board, language and
 * context path and inserted into each viewer's page, which renders only its own parts (header, user,
 * CSRF tokens, search form) live. Rendering a hundred cards with their messages and links was most of
 * the page's cost; 32 HR clerks watching the board now share one rendering until the board changes.
 */
@Component
class BoardColumns {

    static final String TEMPLATE = "hiring/board-columns";

    /** The language and context path the columns were rendered for. */
    private record Rendering(Locale locale, String contextPath) {
    }

    private final SpringTemplateEngine templates;
    private final ApplicationContext application;
    // keyed by the board instance (identity, weakly held): a board is a value computed once and shared
    // until a change replaces it (HiringReports), and hashing a hundred cards per request cost more
    // than looking the instance up; each board's renderings go with it
    private final Cache<HiringReports.Board, Map<Rendering, String>> rendered = Caffeine.newBuilder()
            .weakKeys().maximumSize(64).build();

    BoardColumns(SpringTemplateEngine templates, ApplicationContext application) {
        this.templates = templates;
        this.application = application;
    }

    /** The columns of the board in the request's language; rendered on first use, then shared. */
    String html(HiringReports.Board board, HttpServletRequest request, HttpServletResponse response) {
        Rendering rendering = new Rendering(RequestContextUtils.getLocale(request), request.getContextPath());
        return rendered.get(board, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(rendering, r -> render(board, r, request, response));
    }

    private String render(HiringReports.Board board, Rendering rendering, HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("board", board);
        // as ThymeleafView does for a page: Spring beans and conversions in expressions
        variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application,
                        (ConversionService) request.getAttribute(ConversionService.class.getName())));
        // shared HTML must never carry one viewer's session id in its links (Spring Security already
        // turns URL rewriting off; this keeps it so whatever the filters)
        HttpServletResponse noSessionIds = new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return url;
            }
        };
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, noSessionIds), rendering.locale(), variables);
        return templates.process(TEMPLATE, context);
    }
}
