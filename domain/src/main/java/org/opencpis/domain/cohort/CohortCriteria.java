package org.opencpis.domain.cohort;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.opencpis.domain.shared.DomainViolation;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.shared.SchoolUrn;

/**
 * What places a child in a cohort: any of these schools, GP practices, postcode districts or
 * responsible local authorities. At least one criterion, at most {@value #MAX_CRITERIA} in all.
 */
public record CohortCriteria(Set<SchoolUrn> schoolUrns, Set<OdsCode> gpPractices, Set<PostcodeDistrict> postcodeDistricts,
                             Set<OdsCode> localAuthorities) {
    public static final int MAX_CRITERIA = 1000;

    public CohortCriteria {
        schoolUrns = Set.copyOf(schoolUrns);
        gpPractices = Set.copyOf(gpPractices);
        postcodeDistricts = Set.copyOf(postcodeDistricts);
        localAuthorities = Set.copyOf(localAuthorities);
        int count = schoolUrns.size() + gpPractices.size() + postcodeDistricts.size() + localAuthorities.size();
        if (count == 0) {
            throw new DomainViolation("EMPTY_COHORT_CRITERIA", "schoolUrns", "a cohort needs at least one criterion");
        }
        if (count > MAX_CRITERIA) {
            throw new DomainViolation("TOO_MANY_COHORT_CRITERIA", "schoolUrns",
                    "a cohort has at most " + MAX_CRITERIA + " criteria");
        }
    }

    /** Every criterion, in a stable order (kind, then value). */
    public List<Criterion> all() {
        Set<Criterion> all = new TreeSet<>((a, b) -> a.kind() != b.kind() ? a.kind().compareTo(b.kind())
                : a.value().compareTo(b.value()));
        Stream.of(
                schoolUrns.stream().map(urn -> new Criterion(Criterion.Kind.SCHOOL_URN, urn.value())),
                gpPractices.stream().map(ods -> new Criterion(Criterion.Kind.GP_PRACTICE, ods.value())),
                postcodeDistricts.stream().map(district -> new Criterion(Criterion.Kind.POSTCODE_DISTRICT, district.value())),
                localAuthorities.stream().map(ods -> new Criterion(Criterion.Kind.LOCAL_AUTHORITY, ods.value())))
                .flatMap(s -> s)
                .forEach(all::add);
        return List.copyOf(all);
    }

    /** The criteria the placement shares with these, in order; empty when the placement does not match. */
    public List<Criterion> matched(Set<Criterion> placement) {
        return all().stream().filter(placement::contains).toList();
    }

    /** Rebuilds criteria from their stored form. */
    public static CohortCriteria of(List<Criterion> criteria) {
        Set<SchoolUrn> schools = new LinkedHashSet<>();
        Set<OdsCode> practices = new LinkedHashSet<>();
        Set<PostcodeDistrict> districts = new LinkedHashSet<>();
        Set<OdsCode> authorities = new LinkedHashSet<>();
        for (Criterion criterion : criteria) {
            switch (criterion.kind()) {
                case SCHOOL_URN -> schools.add(new SchoolUrn(criterion.value()));
                case GP_PRACTICE -> practices.add(new OdsCode(criterion.value()));
                case POSTCODE_DISTRICT -> districts.add(new PostcodeDistrict(criterion.value()));
                case LOCAL_AUTHORITY -> authorities.add(new OdsCode(criterion.value()));
            }
        }
        return new CohortCriteria(schools, practices, districts, authorities);
    }
}
