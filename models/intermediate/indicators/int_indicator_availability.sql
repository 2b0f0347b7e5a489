{#- Whether each indicator can be computed for each council's extract, and if not, why.
    1. Landed: every table and column named in its required_tables (seed `indicators`; `table` or
       `table.column`) must have been landed, and a named column must hold at least one value after the gate
       (raw.landed_columns.n_values): a column a script fills with NULL in every row (Mosaic's and Eclipse's
       FTE, Eclipse's permanence dates) is as good as absent. Required SSD tables are always present (the gate
       refuses an extract without them); optional tables and the local extension columns may be absent.
    2. Usable: a landed column can still hold nothing the indicator can use. These requirements on the
       landed values are listed per member rule in content_requirements:
         - professionals_agency needs at least one professional whose prof_agency_worker_flag is set: a
           council whose flags are all empty (SystemC writes a NULL placeholder in every row) has no agency
           figure, which is not the same as 0% agency;
         - the caseload rules (professionals_agency, professionals_caseload_per_fte, professionals_max_caseload)
           need at least one involvement whose role counts as social work (invo_professional_role_id mapped to
           an involvement_role code of category social_work in seeds/code_lists.csv).
         - the caseload-by-team-type rules (professionals_*_key_safeguarding, _looked_after, _disability) need at
           least one team of the council whose name maps to a team_type code of that category (seeds/code_lists.csv
           through seeds/value_mappings.csv): a council whose team names map to nothing has no such figure;
         - the adoption timeliness rules (children_adopted_a10, children_adopted_14m, children_adopted_a2) need,
           when children were adopted, at least one adopted child with the dates they use (Eclipse's script
           leaves the permanence dates NULL); a council that adopted no child has them available, with no value.
         - the contacts-by-source rules (contacts_from_<group>, contacts_from_<group>_to_referral) need, when the
           council has contacts, at least one whose source code or description maps to the referral_source code
           list (Mosaic writes no source code): otherwise every contact would fall in the group other.
       They are only reported when everything was landed.
    An indicator that is not available has no rows, and unavailable_reason says why. -#}
with

manifests as (

    select * from {{ ref('stg_landing__manifests') }}

),

indicators as (

    select * from {{ ref('indicators') }}

),

landed_files as (

    select * from {{ ref('stg_landing__landed_files') }}

),

landed_columns as (

    select * from {{ ref('stg_landing__landed_columns') }}

),

professionals as (

    select * from {{ ref('stg_ssd__professionals') }}

),

involvements as (

    select * from {{ ref('stg_ssd__involvements') }}

),

requirements as (

    select
        manifests.la_code,
        indicators.indicator_id,
        requirement.requirement,
        split_part(requirement.requirement, '.', 1) as table_name,
        nullif(split_part(requirement.requirement, '.', 2), '') as column_name
    from manifests
    cross join indicators
    cross join unnest(string_split(indicators.required_tables, ' ')) as requirement (requirement)
    where requirement.requirement != ''

),

checked as (

    select
        requirements.*,
        coalesce(landed_files.is_present, false)
        and (
            requirements.column_name is null
            or (coalesce(landed_columns.is_present, false) and coalesce(landed_columns.n_values, 0) > 0)
        ) as is_landed
    from requirements
    left join landed_files
        on
            requirements.la_code = landed_files.la_code
            and requirements.table_name = landed_files.table_name
    left join landed_columns
        on
            requirements.la_code = landed_columns.la_code
            and requirements.table_name = landed_columns.table_name
            and requirements.column_name = landed_columns.column_name

),

landed_checks as (

    select
        la_code,
        indicator_id,
        bool_and(is_landed) as is_landed,
        string_agg(case when not is_landed then requirement end, ', ' order by requirement) as not_landed
    from checked
    group by la_code, indicator_id

),

agency_flags as (

    select
        la_code,
        count(is_agency_worker) as flag_count
    from professionals
    group by la_code

),

social_work_involvements as (

    select
        involvements.la_code,
        count(*) as involvement_count
    from involvements
    where involvements.is_social_work
    group by involvements.la_code

),

landed_content as (

    select
        manifests.la_code,
        coalesce(agency_flags.flag_count, 0) > 0 as has_agency_flags,
        coalesce(social_work_involvements.involvement_count, 0) > 0 as has_social_work_involvements
    from manifests
    left join agency_flags on manifests.la_code = agency_flags.la_code
    left join social_work_involvements on manifests.la_code = social_work_involvements.la_code

),

team_type_rules as (

    select
        team_type_rule.member_rule,
        team_type_rule.team_type_category
    from (
        values
        ('professionals_max_caseload_key_safeguarding', 'key_safeguarding'),
        ('professionals_max_caseload_looked_after', 'looked_after'),
        ('professionals_caseload_per_fte_key_safeguarding', 'key_safeguarding'),
        ('professionals_caseload_per_fte_looked_after', 'looked_after'),
        ('professionals_caseload_per_fte_disability', 'disability')
    ) as team_type_rule (member_rule, team_type_category)

),

council_team_types as (

    select distinct
        teams.la_code,
        {{ category_of('team_type', map_code('team_type', 'teams.team_name')) }} as team_type_category
    from {{ ref('int_teams_with_locality') }} as teams

),

adoptions as (

    select
        la_code,
        count(*) as adopted_count,
        count(a10_days) as a10_count,
        count(a2_days) as a2_count
    from {{ ref('int_adoptions') }}
    group by la_code

),

adoption_content as (

    select
        manifests.la_code,
        coalesce(adoptions.adopted_count, 0) = 0 or adoptions.a10_count > 0 as has_a10_dates,
        coalesce(adoptions.adopted_count, 0) = 0 or adoptions.a2_count > 0 as has_a2_dates
    from manifests
    left join adoptions on manifests.la_code = adoptions.la_code

),

contact_sources as (

    select
        la_code,
        count(*) as contact_count,
        count(contact_source_group_code) as sourced_count
    from {{ ref('int_contacts_with_source_and_history') }}
    group by la_code

),

contact_source_rules as (

    select distinct member_rule
    from indicators
    where starts_with(member_rule, 'contacts_from_')

),

content_requirements as (

    select
        la_code,
        'professionals_agency' as member_rule,
        has_agency_flags as is_met,
        'prof_agency_worker_flag is empty in every row of ssd_professionals (a placeholder, not a flag): the '
        || 'share of agency workers is unknown, not 0' as reason
    from landed_content

    union all

    select
        landed_content.la_code,
        caseload_rule.member_rule,
        landed_content.has_social_work_involvements as is_met,
        'no involvement in ssd_involvements has a social-work role: no invo_professional_role_id maps to an '
        || 'involvement_role code of category social_work (seeds/code_lists.csv, seeds/value_mappings.csv)' as reason
    from landed_content
    cross join (
        values ('professionals_agency'), ('professionals_caseload_per_fte'), ('professionals_max_caseload')
    ) as caseload_rule (member_rule)

    union all

    select
        landed_content.la_code,
        team_type_rules.member_rule,
        landed_content.has_social_work_involvements as is_met,
        'no involvement in ssd_involvements has a social-work role: no invo_professional_role_id maps to an '
        || 'involvement_role code of category social_work (seeds/code_lists.csv, seeds/value_mappings.csv)' as reason
    from landed_content
    cross join team_type_rules

    union all

    select
        manifests.la_code,
        team_type_rules.member_rule,
        council_team_types.la_code is not null as is_met,
        'no team in ssd_department has a name that maps to a team_type code of category '
        || team_type_rules.team_type_category
        || ' (seeds/code_lists.csv, seeds/value_mappings.csv): the council''s team names need a mapping' as reason
    from manifests
    cross join team_type_rules
    left join council_team_types
        on
            manifests.la_code = council_team_types.la_code
            and team_type_rules.team_type_category = council_team_types.team_type_category

    union all

    select
        la_code,
        'children_adopted_a10' as member_rule,
        has_a10_dates as is_met,
        'no adopted child has the date of moving in with the adopters in ssd_permanence '
        || '(perm_placed_for_adoption_date, or perm_placed_foster_carer_date when the foster carers adopt): '
        || 'the A10 average would rest on no child' as reason
    from adoption_content

    union all

    select
        la_code,
        'children_adopted_14m' as member_rule,
        has_a10_dates as is_met,
        'no adopted child has the date of moving in with the adopters in ssd_permanence '
        || '(perm_placed_for_adoption_date, or perm_placed_foster_carer_date when the foster carers adopt): '
        || 'the share adopted within 14 months would rest on no child' as reason
    from adoption_content

    union all

    select
        la_code,
        'children_adopted_a2' as member_rule,
        has_a2_dates as is_met,
        'no adopted child has both the placement order and the match date in ssd_permanence '
        || '(perm_placement_order_date, perm_matched_date): the A2 average would rest on no child' as reason
    from adoption_content

    union all

    select
        manifests.la_code,
        contact_source_rules.member_rule,
        coalesce(contact_sources.contact_count, 0) = 0 or contact_sources.sourced_count > 0 as is_met,
        'no contact in ssd_contacts has a source: cont_contact_source_code and cont_contact_source_desc are empty '
        || 'or map to no referral_source code (seeds/code_lists.csv, seeds/value_mappings.csv)' as reason
    from manifests
    cross join contact_source_rules
    left join contact_sources on manifests.la_code = contact_sources.la_code

),

content_checks as (

    select
        content_requirements.la_code,
        indicators.indicator_id,
        bool_and(content_requirements.is_met) as is_usable,
        string_agg(
            case when not content_requirements.is_met then content_requirements.reason end,
            '; ' order by content_requirements.reason
        ) as not_usable
    from content_requirements
    inner join indicators on content_requirements.member_rule = indicators.member_rule
    group by content_requirements.la_code, indicators.indicator_id

),

final as (

    select
        landed_checks.la_code,
        landed_checks.indicator_id,
        landed_checks.is_landed and coalesce(content_checks.is_usable, true) as is_available,
        case
            when not landed_checks.is_landed
                then 'not landed in the extract, or empty in every row: ' || landed_checks.not_landed
            when not coalesce(content_checks.is_usable, true)
                then content_checks.not_usable
        end as unavailable_reason
    from landed_checks
    left join content_checks
        on
            landed_checks.la_code = content_checks.la_code
            and landed_checks.indicator_id = content_checks.indicator_id

)

select * from final
