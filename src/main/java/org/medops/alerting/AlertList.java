package org.medops.alerting;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medops.settings.Settings;
import org.medops.shared.ListExport;
import org.medops.shared.ListPage;
import org.medops.shared.ListRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The alert list for the page, the API and the export: one query, one set of columns. */
@Component
class AlertList {

    private final Alerts alerts;
    private final AlertViews views;
    private final Settings settings;
    private final ListExport export;
    private final MessageSource messages;

    AlertList(Alerts alerts, AlertViews views, Settings settings, ListExport export, MessageSource messages) {
        this.alerts = alerts;
        this.views = views;
        this.settings = settings;
        this.export = export;
        this.messages = messages;
    }

    ListPage<AlertViews.AlertView> page(AlertListQuery query, HttpServletRequest http) {
        ListRequest request = query.request();
        Alerts.AlertFilter filter = query.filter(settings.current().zone());
        List<Alert> rows = alerts.rows(filter, request.sort(), request.offset(), request.size());
        return ListPage.of(views.withTickets(rows), alerts.count(filter), request, http);
    }

    /** How many alerts the query shows: what a dashboard number says about the list it links to. */
    long count(AlertListQuery query) {
        return alerts.count(query.filter(settings.current().zone()));
    }

    /** An empty page in the default order, for a page whose parameters were refused. */
    ListPage<AlertViews.AlertView> empty(HttpServletRequest http) {
        return ListPage.of(List.of(), 0, ListRequest.of(null, null, null, Alerts.SORT), http);
    }

    void export(AlertListQuery query, String format, Locale locale, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        ListExport.Format chosen = ListExport.Format.of(format);
        ListRequest request = query.request();
        List<AlertViews.AlertView> rows = views.withTickets(alerts.rows(query.filter(settings.current().zone()),
                request.sort(), 0, ListExport.MAX_ROWS + 1));
        export.write(chosen, new ListExport.Table<>("alerts", columns(locale), rows,
                ListPage.of(List.of(), 0, request, http).filter()), settings.current().zone(), locale, response);
    }

    /** The message is rendered from its arguments in the reader's language, as the page shows it. */
    private List<ListExport.Column<AlertViews.AlertView>> columns(Locale locale) {
        return List.of(
                ListExport.Column.of("alerts.raisedAt", AlertViews.AlertView::raisedAt),
                ListExport.Column.label("alerts.severity", a -> "alerts.severity." + a.severity()),
                ListExport.Column.of("alerts.rule", AlertViews.AlertView::ruleName),
                ListExport.Column.of("alerts.subject", AlertViews.AlertView::subject),
                ListExport.Column.of("alerts.message", a -> a.messageArgs().isEmpty() ? a.message()
                        : messages.getMessage("alerts.condition." + a.kind().name(), a.messageArgs().toArray(),
                        a.message(), locale)),
                ListExport.Column.label("alerts.state", a -> "alerts.status." + a.status()),
                ListExport.Column.of("alerts.acknowledgedAt", AlertViews.AlertView::acknowledgedAt),
                ListExport.Column.of("alerts.resolvedAt", AlertViews.AlertView::resolvedAt),
                ListExport.Column.of("alerts.ticket", AlertViews.AlertView::ticketNumber));
    }
}
