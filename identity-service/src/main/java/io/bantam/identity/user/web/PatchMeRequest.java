package io.bantam.identity.user.web;

import io.bantam.identity.user.domain.Profile;
import io.bantam.identity.user.domain.ProfileChange;
import io.bantam.identity.user.domain.TimeZones;
import io.bantam.service.problem.ApiException.FieldError;
import io.bantam.service.problem.ApiException;
import io.bantam.service.validation.IanaTimeZone;
import io.bantam.service.validation.StorableText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code PATCH /api/users/me}, with merge-patch semantics: a member that is absent leaves its
 * field alone, an explicit {@code null} clears an optional field. A record cannot tell the two apart (Jackson
 * gives both as null), so this is a class whose setters remember which members the body had.
 */
final class PatchMeRequest {

    enum Member { NAME, TIME_ZONE, PHONE, PREFERRED_NAME, PRONOUNS }

    private final Set<Member> present = EnumSet.noneOf(Member.class);

    @Size(min = 1, max = Profile.NAME_MAX)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @StorableText
    private String name;

    @IanaTimeZone
    private String timeZone;

    @Size(max = Profile.PHONE_MAX)
    @Pattern(regexp = Profile.PHONE_PATTERN, message = "must be a phone number such as +44 20 7946 0000")
    private String phone;

    @Size(max = Profile.PREFERRED_NAME_MAX)
    @StorableText
    private String preferredName;

    @Size(max = Profile.PRONOUNS_MAX)
    @StorableText
    private String pronouns;

    void setName(String name) {
        this.name = name;
        present.add(Member.NAME);
    }

    void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
        present.add(Member.TIME_ZONE);
    }

    void setPhone(String phone) {
        this.phone = phone;
        present.add(Member.PHONE);
    }

    void setPreferredName(String preferredName) {
        this.preferredName = preferredName;
        present.add(Member.PREFERRED_NAME);
    }

    void setPronouns(String pronouns) {
        this.pronouns = pronouns;
        present.add(Member.PRONOUNS);
    }

    /**
     * The change this body asks for. Bean validation has checked each value already; what it cannot see is a
     * {@code null} for a field that cannot be cleared.
     */
    ProfileChange toChange() {
        List<FieldError> errors = new ArrayList<>();
        if (present.contains(Member.NAME) && name == null) {
            errors.add(new FieldError("name", "must not be null"));
        }
        if (present.contains(Member.TIME_ZONE) && timeZone == null) {
            errors.add(new FieldError("timeZone", "must not be null"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("The request has invalid fields.", errors);
        }
        ProfileChange change = ProfileChange.none();
        if (present.contains(Member.NAME)) {
            change = change.withName(name);
        }
        if (present.contains(Member.TIME_ZONE)) {
            change = change.withTimeZone(TimeZones.orDefault(timeZone));
        }
        if (present.contains(Member.PHONE)) {
            change = change.withPhone(phone);
        }
        if (present.contains(Member.PREFERRED_NAME)) {
            change = change.withPreferredName(preferredName);
        }
        if (present.contains(Member.PRONOUNS)) {
            change = change.withPronouns(pronouns);
        }
        return change;
    }
}
