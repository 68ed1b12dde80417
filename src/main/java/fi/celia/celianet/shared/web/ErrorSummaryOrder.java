package fi.celia.celianet.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICDATASection;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IComment;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.ITemplateEnd;
import org.thymeleaf.model.IText;

/**
 * Lists the problems of an error summary ({@code id="error-summary"}, see {@code fragments/forms :: errorSummary}) in
 * the order of the fields they are about, as the fields stand on the page: the summary and the rest of the element
 * around it (its form) are held back until that element closes, then the summary's items are written sorted by the
 * position of the field each links to. A problem of the whole form (an item without a link) comes first; an item
 * whose field is not on the page comes last. Items of one field keep their order.
 */
public class ErrorSummaryOrder extends AbstractTemplateHandler {

    private static final String SUMMARY_ID = "error-summary";

    /** One item of the summary: its events, and the id of the field it links to (null for a whole-form problem). */
    private record Item(List<Runnable> events, String target) {}

    private boolean holding;
    /** Elements open since the summary opened; the summary's own element is depth 1. */
    private int depth;

    private boolean summaryDone;
    private boolean inList;
    private boolean listSeen;
    private List<Runnable> current;
    private String currentTarget;
    private final List<Runnable> head = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();
    private List<Runnable> pending = new ArrayList<>();
    private final List<Runnable> rest = new ArrayList<>();
    private final Map<String, Integer> fieldPositions = new HashMap<>();

    public ErrorSummaryOrder() {}

    @Override
    public void handleOpenElement(IOpenElementTag tag) {
        if (!holding) {
            if (SUMMARY_ID.equals(tag.getAttributeValue("id"))) {
                holding = true;
                depth = 1;
                head.add(() -> getNext().handleOpenElement(tag));
            } else {
                super.handleOpenElement(tag);
            }
            return;
        }
        String name = tag.getElementCompleteName().toLowerCase(Locale.ROOT);
        depth++;
        if (!summaryDone) {
            if (name.equals("ul") && depth == 2 && !listSeen) {
                head.add(() -> getNext().handleOpenElement(tag));
                inList = true;
                listSeen = true;
                return;
            } else if (name.equals("li") && inList && depth == 3) {
                current = new ArrayList<>(pending);
                pending = new ArrayList<>();
                currentTarget = null;
            } else if (name.equals("a") && current != null && currentTarget == null) {
                String href = tag.getAttributeValue("href");
                if (href != null && href.startsWith("#")) {
                    currentTarget = href.substring(1);
                }
            }
        } else {
            field(name, tag.getAttributeValue("id"));
        }
        hold(() -> getNext().handleOpenElement(tag));
    }

    @Override
    public void handleStandaloneElement(IStandaloneElementTag tag) {
        if (holding) {
            if (summaryDone) {
                field(tag.getElementCompleteName().toLowerCase(Locale.ROOT), tag.getAttributeValue("id"));
            }
            hold(() -> getNext().handleStandaloneElement(tag));
        } else {
            super.handleStandaloneElement(tag);
        }
    }

    @Override
    public void handleCloseElement(ICloseElementTag tag) {
        if (!holding) {
            super.handleCloseElement(tag);
            return;
        }
        if (depth == 0) {
            // the element around the summary closes: every field of it has been seen
            release();
            super.handleCloseElement(tag);
            return;
        }
        String name = tag.getElementCompleteName().toLowerCase(Locale.ROOT);
        hold(() -> getNext().handleCloseElement(tag));
        depth--;
        if (!summaryDone) {
            if (name.equals("li") && current != null && depth == 2) {
                items.add(new Item(current, currentTarget));
                current = null;
            } else if (name.equals("ul") && depth == 1) {
                inList = false;
            } else if (depth == 0) {
                summaryDone = true;
            }
        }
    }

    @Override
    public void handleText(IText text) {
        if (holding) {
            hold(() -> getNext().handleText(text));
        } else {
            super.handleText(text);
        }
    }

    @Override
    public void handleComment(IComment comment) {
        if (holding) {
            hold(() -> getNext().handleComment(comment));
        } else {
            super.handleComment(comment);
        }
    }

    @Override
    public void handleCDATASection(ICDATASection section) {
        if (holding) {
            hold(() -> getNext().handleCDATASection(section));
        } else {
            super.handleCDATASection(section);
        }
    }

    @Override
    public void handleTemplateEnd(ITemplateEnd end) {
        if (holding) {
            release();
        }
        super.handleTemplateEnd(end);
    }

    /** Keeps an event where it belongs: in the summary before its items, in an item, between items, or after. */
    private void hold(Runnable event) {
        if (summaryDone) {
            rest.add(event);
        } else if (current != null) {
            current.add(event);
        } else if (inList) {
            pending.add(event);
        } else if (!listSeen) {
            head.add(event);
        } else {
            rest.add(event);
        }
    }

    private void field(String name, String id) {
        if (id != null && (name.equals("input") || name.equals("select") || name.equals("textarea"))) {
            fieldPositions.putIfAbsent(id, fieldPositions.size());
        }
    }

    /** Writes the summary with its items in the order of the fields, then everything held after it. */
    private void release() {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(
                item -> item.target() == null ? -1 : fieldPositions.getOrDefault(item.target(), Integer.MAX_VALUE)));
        head.forEach(Runnable::run);
        sorted.forEach(item -> item.events().forEach(Runnable::run));
        pending.forEach(Runnable::run);
        rest.forEach(Runnable::run);
        head.clear();
        items.clear();
        pending = new ArrayList<>();
        rest.clear();
        fieldPositions.clear();
        holding = false;
        summaryDone = false;
        inList = false;
        listSeen = false;
        current = null;
        depth = 0;
    }
}
