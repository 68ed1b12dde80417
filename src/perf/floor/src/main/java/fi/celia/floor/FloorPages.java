package fi.celia.floor;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** The measured requests, each doing the least it needs. */
@Controller
class FloorPages {

    private final JdbcClient jdbc;

    FloorPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/login")
    String signIn() {
        return "login";
    }

    /** Where a sign-in lands: the form page. */
    @GetMapping({"/", "/rows/new"})
    String form() {
        return "rows/new";
    }

    /** One row read by its key. */
    @GetMapping("/rows/{id}")
    String row(@PathVariable long id, Model model) {
        Map<String, Object> row = jdbc.sql("SELECT id, name, created_at FROM floor_row WHERE id = ?")
                .param(id)
                .query(new ColumnMapRowMapper())
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("row", row);
        return "rows/row";
    }

    /** One row inserted, answered 303 to its page (Post/Redirect/Get). */
    @PostMapping("/rows")
    ResponseEntity<Void> insert(@RequestParam String name) {
        if (name.isBlank() || name.length() > 200) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        long id = jdbc.sql("INSERT INTO floor_row (name) VALUES (?) RETURNING id")
                .param(name)
                .query(Long.class)
                .single();
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/rows/" + id))
                .build();
    }

    /** A public JSON answer. */
    @GetMapping(value = "/api/status", produces = "application/json")
    @ResponseBody
    Map<String, Object> status() {
        return Map.of("status", "OPEN");
    }
}
