package fi.celia.celianet.shared.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IText;
import org.unbescape.html.HtmlEscape;

/**
 * Gives every cell of a table with a header row ({@code thead}) its column's header text as {@code data-label}, which
 * the style sheet shows before the cell when a narrow screen stacks the table's rows; and gives the table, its row
 * groups, rows and cells their table roles, which a screen reader would otherwise lose with the table's display.
 * A cell that has its own {@code data-label} keeps it.
 */
public class StackedTables extends AbstractTemplateHandler {

    /** One table being written: its header texts by column, where in it the writing is. */
    private static final class Table {
        final List<String> headers = new ArrayList<>();
        boolean inHead;
        boolean hasHead;
        int column;
        StringBuilder header;
        int headerSpan;
    }

    private final Deque<Table> tables = new ArrayDeque<>();

    public StackedTables() {}

    @Override
    public void handleOpenElement(IOpenElementTag tag) {
        String name = tag.getElementCompleteName().toLowerCase(Locale.ROOT);
        Table table = tables.peek();
        IOpenElementTag out = tag;
        switch (name) {
            case "table" -> {
                tables.push(new Table());
                out = role(tag, "table");
            }
            case "thead" -> {
                if (table != null) {
                    table.inHead = true;
                    table.hasHead = true;
                    out = role(tag, "rowgroup");
                }
            }
            case "tbody", "tfoot" -> {
                if (table != null) {
                    out = role(tag, "rowgroup");
                }
            }
            case "tr" -> {
                if (table != null) {
                    table.column = 0;
                    out = role(tag, "row");
                }
            }
            case "th", "td" -> {
                if (table != null) {
                    out = cell(table, tag, name);
                }
            }
            default -> {}
        }
        super.handleOpenElement(out);
    }

    private IOpenElementTag cell(Table table, IOpenElementTag tag, String name) {
        int span = span(tag);
        IOpenElementTag out = tag;
        if (table.inHead) {
            table.header = new StringBuilder();
            table.headerSpan = span;
            out = role(tag, "columnheader");
        } else {
            boolean rowHeader = name.equals("th");
            String scope = tag.getAttributeValue("scope");
            out = role(tag, rowHeader ? ("col".equals(scope) ? "columnheader" : "rowheader") : "cell");
            if (table.hasHead && table.column < table.headers.size() && !tag.hasAttribute("data-label")) {
                String label = table.headers.get(table.column);
                if (!label.isEmpty()) {
                    out = factory().setAttribute(out, "data-label", HtmlEscape.escapeHtml4Xml(label));
                }
            }
        }
        table.column += span;
        return out;
    }

    @Override
    public void handleText(IText text) {
        Table table = tables.peek();
        if (table != null && table.header != null) {
            table.header.append(text.getText());
        }
        super.handleText(text);
    }

    @Override
    public void handleCloseElement(ICloseElementTag tag) {
        String name = tag.getElementCompleteName().toLowerCase(Locale.ROOT);
        Table table = tables.peek();
        if (table != null) {
            switch (name) {
                case "th", "td" -> {
                    if (table.header != null) {
                        String label = HtmlEscape.unescapeHtml(table.header.toString())
                                .replaceAll("\\s+", " ")
                                .strip();
                        for (int i = 0; i < table.headerSpan; i++) {
                            table.headers.add(label);
                        }
                        table.header = null;
                    }
                }
                case "thead" -> table.inHead = false;
                case "table" -> tables.pop();
                default -> {}
            }
        }
        super.handleCloseElement(tag);
    }

    private IOpenElementTag role(IOpenElementTag tag, String role) {
        return tag.hasAttribute("role") ? tag : factory().setAttribute(tag, "role", role);
    }

    private static int span(IProcessableElementTag tag) {
        String colspan = tag.getAttributeValue("colspan");
        if (colspan == null) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(colspan.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private IModelFactory factory() {
        return getContext().getModelFactory();
    }
}
