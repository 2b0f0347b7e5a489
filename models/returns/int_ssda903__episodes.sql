{#- SSDA903 episodes over each child's whole history (docs/returns.md section 3): within a period of care
    (fct_cla_periods) a new episode starts on the period's start date and on every later date on which the
    child's legal status or placement changes; it ends on the next such date (ceased X1, continuing) or with
    the period (the period's end reason). The reason for the new episode is the 903_rne code whose category
    names what changed (start; legal; placement; both): the warehouse does not know carers, so a placement
    change is taken as a change of carer too (P, B), except a placement for adoption with the current foster
    carer (the placements DfE rule 217 names, A3 and A5, seeds/ssda903_rule_codes.csv): the same carer (T, U). Legal status and placement are those in
    force on the episode's start date; the category of need is that of the SSD episode in force then. The
    reason for a placement change is the ended placement's, on the episode whose next episode starts with a
    new placement, when neither placement is temporary (903 rules 225 and 226). -#}
with

periods as (

    select * from {{ ref('fct_cla_periods') }}

),

placements as (

    select * from {{ ref('fct_placements') }}

),

placement_urns as (

    select
        la_code,
        placement_id,
        placement_urn
    from {{ ref('stg_ssd__cla_placement') }}

),

ssd_episodes as (

    select * from {{ ref('fct_cla_episodes') }}

),

legal_statuses as (

    select * from {{ ref('stg_ssd__legal_status') }}

),

rne_codes as (

    select
        code,
        category
    from {{ ref('code_lists') }}
    where code_list = '903_rne'

),

continuation_code as (

    select min(code) as code from {{ ref('code_lists') }}
    where code_list = '903_rec' and category = 'continuation'

),

change_points as (

    select
        la_code,
        person_id,
        cla_period_id,
        period_start_date as change_date,
        'start' as change_kind
    from periods

    union all

    select
        periods.la_code,
        periods.person_id,
        periods.cla_period_id,
        legal_statuses.legal_status_start_date as change_date,
        'legal' as change_kind
    from periods
    inner join legal_statuses
        on
            periods.la_code = legal_statuses.la_code
            and periods.person_id = legal_statuses.person_id
            and periods.period_start_date < legal_statuses.legal_status_start_date
            and coalesce(periods.period_end_date, date '9999-12-31') > legal_statuses.legal_status_start_date

    union all

    select
        periods.la_code,
        periods.person_id,
        periods.cla_period_id,
        placements.placement_start_date as change_date,
        'placement' as change_kind
    from periods
    inner join placements
        on
            periods.la_code = placements.la_code
            and periods.person_id = placements.person_id
            and periods.period_start_date < placements.placement_start_date
            and coalesce(periods.period_end_date, date '9999-12-31') > placements.placement_start_date

),

changes as (

    select
        la_code,
        person_id,
        cla_period_id,
        change_date,
        case
            when bool_or(change_kind = 'start') then 'start'
            when bool_or(change_kind = 'legal') and bool_or(change_kind = 'placement') then 'both'
            when bool_or(change_kind = 'legal') then 'legal'
            else 'placement'
        end as change_category
    from change_points
    group by la_code, person_id, cla_period_id, change_date

),

episodes as (

    select
        changes.*,
        lead(changes.change_date) over period_changes as next_change_date,
        lead(changes.change_category) over period_changes as next_change_category,
        periods.period_end_date,
        periods.end_reason_code
    from changes
    inner join periods
        on changes.la_code = periods.la_code and changes.cla_period_id = periods.cla_period_id
    window period_changes as (partition by changes.la_code, changes.cla_period_id order by changes.change_date)

),

legal_status_at_start as (

    select
        episodes.la_code,
        episodes.cla_period_id,
        episodes.change_date,
        arg_max(
            legal_statuses.legal_status_code,
            (legal_statuses.legal_status_start_date, legal_statuses.legal_status_id)
        ) as legal_status_code
    from episodes
    inner join legal_statuses
        on
            episodes.la_code = legal_statuses.la_code
            and episodes.person_id = legal_statuses.person_id
            and {{ is_open_at('legal_statuses.legal_status_start_date', 'legal_statuses.legal_status_end_date',
                'episodes.change_date') }}
    group by episodes.la_code, episodes.cla_period_id, episodes.change_date

),

placement_at_start as (

    select
        episodes.la_code,
        episodes.cla_period_id,
        episodes.change_date,
        arg_max(placements.placement_id, (placements.placement_start_date, placements.placement_id)) as placement_id
    from episodes
    inner join placements
        on
            episodes.la_code = placements.la_code
            and episodes.person_id = placements.person_id
            and {{ is_open_at('placements.placement_start_date', 'placements.placement_end_date',
                'episodes.change_date') }}
    group by episodes.la_code, episodes.cla_period_id, episodes.change_date

),

need_at_start as (

    select
        episodes.la_code,
        episodes.cla_period_id,
        episodes.change_date,
        arg_max(ssd_episodes.primary_need_code, (ssd_episodes.episode_start_date, ssd_episodes.cla_episode_id))
            as primary_need_code
    from episodes
    inner join ssd_episodes
        on
            episodes.la_code = ssd_episodes.la_code
            and episodes.person_id = ssd_episodes.person_id
            and episodes.change_date >= ssd_episodes.episode_start_date
            and ssd_episodes.primary_need_code is not null
    group by episodes.la_code, episodes.cla_period_id, episodes.change_date

),

joined as (

    select
        episodes.la_code,
        episodes.person_id,
        episodes.cla_period_id,
        episodes.change_date as decom,
        episodes.change_category,
        episodes.next_change_category,
        coalesce(episodes.next_change_date, episodes.period_end_date) as ceased_date,
        case
            when episodes.next_change_date is not null then continuation_code.code else episodes.end_reason_code
        end as rec,
        legal_status_at_start.legal_status_code as ls,
        need_at_start.primary_need_code as cin,
        placements.placement_id,
        placements.placement_type_code as place,
        placements.placement_provider_code as place_provider,
        placements.placement_change_reason_code,
        placements.is_temporary,
        placement_urns.placement_urn as urn
    from episodes
    cross join continuation_code
    left join legal_status_at_start
        on
            episodes.la_code = legal_status_at_start.la_code
            and episodes.cla_period_id = legal_status_at_start.cla_period_id
            and episodes.change_date = legal_status_at_start.change_date
    left join placement_at_start
        on
            episodes.la_code = placement_at_start.la_code
            and episodes.cla_period_id = placement_at_start.cla_period_id
            and episodes.change_date = placement_at_start.change_date
    left join placements
        on
            placement_at_start.la_code = placements.la_code
            and placement_at_start.placement_id = placements.placement_id
    left join placement_urns
        on
            placements.la_code = placement_urns.la_code
            and placements.placement_id = placement_urns.placement_id
    left join need_at_start
        on
            episodes.la_code = need_at_start.la_code
            and episodes.cla_period_id = need_at_start.cla_period_id
            and episodes.change_date = need_at_start.change_date

),

with_next as (

    select
        *,
        lead(is_temporary) over period_episodes as is_next_temporary,
        lead(placement_id) over period_episodes as next_placement_id
    from joined
    window period_episodes as (partition by la_code, cla_period_id order by decom)

),

final as (

    select
        with_next.la_code,
        with_next.person_id,
        with_next.cla_period_id,
        with_next.decom,
        rne_codes.code as rne,
        with_next.ls,
        with_next.cin,
        with_next.place,
        with_next.place_provider,
        with_next.ceased_date,
        with_next.rec,
        case
            when
                with_next.next_change_category in ('placement', 'both')
                and coalesce(with_next.next_placement_id, '') != coalesce(with_next.placement_id, '')
                and not coalesce(with_next.is_temporary, false)
                and not coalesce(with_next.is_next_temporary, false)
                then with_next.placement_change_reason_code
        end as reason_place_change,
        with_next.urn
    from with_next
    left join rne_codes
        on
            rne_codes.category = case
                when
                    with_next.change_category in ('placement', 'both')
                    and with_next.place in {{ rule_codes('217', '903_place') }}
                    then with_next.change_category || '_same_carer'
                else with_next.change_category
            end

)

select * from final
