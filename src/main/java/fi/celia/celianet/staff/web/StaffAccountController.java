package fi.celia.celianet.staff.web;

import fi.celia.celianet.shared.ListCursor;
import fi.celia.celianet.shared.ListPage;
import fi.celia.celianet.shared.NotFoundException;
import fi.celia.celianet.staff.NewStaffAccount;
import fi.celia.celianet.staff.OrganisationChoices;
import fi.celia.celianet.staff.Organisations;
import fi.celia.celianet.staff.Role;
import fi.celia.celianet.staff.SecondFactors;
import fi.celia.celianet.staff.StaffAccount;
import fi.celia.celianet.staff.StaffAccounts;
import fi.celia.celianet.staff.StaffPrincipal;
import fi.celia.celianet.staff.UsernameTakenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts, managed by administrators for everyone at {@code /admin/staff} and by a main user for the
 * registrars of their own organisation at {@code /organisation/staff}. The URL decides the scope; an account
 * outside it answers 404.
 */
@Controller
class StaffAccountController {

    private static final String ADMIN = "/admin/staff";
    private static final String MAIN_USER = "/organisation/staff";

    static final int PAGE_SIZE = 50;

    private final StaffAccounts accounts;
    private final Organisations organisations;
    private final SecondFactors secondFactors;

    StaffAccountController(StaffAccounts accounts, Organisations organisations, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.secondFactors = secondFactors;
    }

    /**
     * Administrators: a page of every account by user name, narrowed by the search (an unusable value lists nothing
     * and says why on the field; a page link that no page made answers 400 and says so). A main user: every
     * registrar of their organisation, a short list.
     */
    @GetMapping({ADMIN, MAIN_USER})
    String list(
            @Valid @ModelAttribute("filter") ListFilterForm filter,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Scope scope = Scope.of(request, user);
        List<StaffAccount> list;
        if (scope.admin()) {
            Optional<ListCursor> cursor = ListCursor.read(request, response, binding);
            ListPage<StaffAccount> listPage =
                    binding.hasErrors() ? null : accounts.list(filter.getQ(), cursor, PAGE_SIZE);
            model.addAttribute("listPage", listPage);
            list = listPage == null ? List.of() : listPage.rows();
        } else {
            list = accounts.ofOrganisation(user.organisationId());
        }
        model.addAttribute("accounts", list);
        model.addAttribute("locked", accounts.lockedAmong(list));
        // not page(): the list has no form, so it loads none of the organisations to choose from
        model.addAttribute("base", scope.base());
        model.addAttribute("adminScope", scope.admin());
        return "staff/accounts";
    }

    @GetMapping({ADMIN + "/new", MAIN_USER + "/new"})
    String newForm(@AuthenticationPrincipal StaffPrincipal user, Model model, HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        var form = new StaffAccountForm();
        form.setOrganisationId(user.organisationId());
        model.addAttribute("form", form);
        return page(scope, model, "staff/account-form");
    }

    @PostMapping({ADMIN, MAIN_USER})
    String create(
            @Valid @ModelAttribute("form") StaffAccountForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        scope.restrict(form);
        validateOrganisation(form, errors);
        if (errors.hasErrors()) {
            return page(scope, model, "staff/account-form");
        }
        try {
            var account = accounts.create(
                    new NewStaffAccount(
                            form.getUsername(),
                            form.getDisplayName(),
                            form.getEmail(),
                            form.getLanguage(),
                            form.getRole(),
                            form.getOrganisationId()),
                    user.username());
            redirect.addFlashAttribute("flashMessage", "staff.account.created");
            return "redirect:" + scope.base() + "/" + account.getId();
        } catch (UsernameTakenException e) {
            errors.rejectValue("username", "staff.account.error.usernameTaken");
            return page(scope, model, "staff/account-form");
        }
    }

    @GetMapping({ADMIN + "/{id}", MAIN_USER + "/{id}"})
    String show(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        StaffAccount account = scope.load(accounts, id);
        model.addAttribute("form", StaffAccountForm.of(account));
        return accountPage(scope, account, model);
    }

    @PostMapping({ADMIN + "/{id}", MAIN_USER + "/{id}"})
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") StaffAccountForm form,
            BindingResult errors,
            @AuthenticationPrincipal StaffPrincipal user,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        StaffAccount account = scope.load(accounts, id);
        form.setUsername(account.getUsername());
        scope.restrict(form);
        validateOrganisation(form, errors);
        if (errors.hasErrors()) {
            return accountPage(scope, account, model);
        }
        accounts.update(
                id,
                form.getDisplayName(),
                form.getEmail(),
                form.getLanguage(),
                form.getRole(),
                form.getOrganisationId(),
                user.username());
        redirect.addFlashAttribute("flashMessage", "staff.account.saved");
        return "redirect:" + scope.base() + "/" + id;
    }

    @PostMapping({ADMIN + "/{id}/deactivate", MAIN_USER + "/{id}/deactivate"})
    String deactivate(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        scope.load(accounts, id);
        accounts.deactivate(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.account.deactivated");
        return "redirect:" + scope.base() + "/" + id;
    }

    @PostMapping({ADMIN + "/{id}/activate", MAIN_USER + "/{id}/activate"})
    String activate(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        scope.load(accounts, id);
        accounts.activate(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.account.activated");
        return "redirect:" + scope.base() + "/" + id;
    }

    @PostMapping({ADMIN + "/{id}/unlock", MAIN_USER + "/{id}/unlock"})
    String unlock(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        scope.load(accounts, id);
        accounts.unlock(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.account.unlocked");
        return "redirect:" + scope.base() + "/" + id;
    }

    /** Signs the account out everywhere: every open session of it ends (audited). */
    @PostMapping({ADMIN + "/{id}/end-sessions", MAIN_USER + "/{id}/end-sessions"})
    String endSessions(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        scope.load(accounts, id);
        accounts.endSessions(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.account.sessionsEnded");
        return "redirect:" + scope.base() + "/" + id;
    }

    @PostMapping({ADMIN + "/{id}/invitation", MAIN_USER + "/{id}/invitation"})
    String resendInvitation(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        scope.load(accounts, id);
        accounts.resendInvitation(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.account.invitationSent");
        return "redirect:" + scope.base() + "/" + id;
    }

    /**
     * The owner lost their authenticator and recovery codes: every second factor of the account goes, and a new
     * enrolment link is mailed to the account's own address (audited).
     */
    @PostMapping({ADMIN + "/{id}/second-factors", MAIN_USER + "/{id}/second-factors"})
    String removeSecondFactors(
            @PathVariable UUID id,
            @AuthenticationPrincipal StaffPrincipal user,
            RedirectAttributes redirect,
            HttpServletRequest request) {
        Scope scope = Scope.of(request, user);
        scope.load(accounts, id);
        secondFactors.removeAll(id, user.username());
        redirect.addFlashAttribute("flashMessage", "staff.account.secondFactorsRemoved");
        return "redirect:" + scope.base() + "/" + id;
    }

    /** An existing account's page: its form and what can be done to the account. */
    private String accountPage(Scope scope, StaffAccount account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("accountLocked", accounts.isLocked(account));
        model.addAttribute("secondFactors", secondFactors.statusOf(account));
        return page(scope, model, "staff/account-form");
    }

    private String page(Scope scope, Model model, String view) {
        model.addAttribute("base", scope.base());
        model.addAttribute("adminScope", scope.admin());
        model.addAttribute("roles", scope.admin() ? Role.values() : new Role[] {Role.REGISTRAR, Role.MAIN_USER});
        model.addAttribute(
                "organisations",
                OrganisationChoices.of(
                        scope.admin()
                                ? organisations.active()
                                : organisations.find(scope.organisationId()).stream()
                                        .toList()));
        return view;
    }

    private void validateOrganisation(StaffAccountForm form, BindingResult errors) {
        if (form.getRole() != null
                && form.getRole().belongsToOrganisation()
                && (form.getOrganisationId() == null
                        || organisations.find(form.getOrganisationId()).isEmpty())) {
            errors.rejectValue("organisationId", "staff.account.error.organisation");
        }
    }

    private record Scope(boolean admin, UUID organisationId) {

        static Scope of(HttpServletRequest request, StaffPrincipal user) {
            boolean admin = request.getRequestURI().startsWith(request.getContextPath() + ADMIN);
            return new Scope(admin, admin ? null : user.organisationId());
        }

        String base() {
            return admin ? ADMIN : MAIN_USER;
        }

        /** A main user sees only the registrars of their own organisation; anyone else's account is "not found". */
        StaffAccount load(StaffAccounts accounts, UUID id) {
            return accounts.find(id)
                    .filter(account ->
                            admin || (organisationId != null && organisationId.equals(account.getOrganisationId())))
                    .orElseThrow(NotFoundException::new);
        }

        void restrict(StaffAccountForm form) {
            if (!admin) {
                form.setOrganisationId(organisationId);
                if (form.getRole() != Role.MAIN_USER) {
                    form.setRole(Role.REGISTRAR);
                }
            }
        }
    }
}
