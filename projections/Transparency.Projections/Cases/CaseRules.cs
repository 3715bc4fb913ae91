namespace Transparency.Projections.Cases;

/// <summary>
/// One rule a proposed event can break. <see cref="Code"/> is stable: ingest answers it as the
/// problem+json type and clients key on it; the messages are for people, Chinese first.
/// </summary>
public sealed record CaseRule(string Code, string MessageZh, string MessageEn)
{
    public override string ToString() => $"{Code}: {MessageEn} / {MessageZh}";
}

/// <summary>Every rule <see cref="CaseDecider"/> checks, in one place so the catalogue can be published.</summary>
public static class CaseRules
{
    public static readonly CaseRule FirstEventMustBeFiling = new("case.not_filed",
        "案件尚未立案，首个事件必须是立案", "The case has not been filed: its first event must be CaseFiled.");
    public static readonly CaseRule AlreadyFiled = new("case.already_filed",
        "案件已立案，不得重复立案", "The case is already filed.");
    public static readonly CaseRule DatedInFuture = new("event.future_date",
        "事件日期晚于今日", "The event is dated after today (China time).");
    public static readonly CaseRule DatedBeforeFiling = new("event.before_filing",
        "事件日期早于立案日期", "The event is dated before the case was filed.");
    public static readonly CaseRule DatedBeforeSubject = new("event.before_subject",
        "事件日期早于其所涉查封或惩戒措施的日期", "The event is dated before the seizure or sanction it acts on.");
    public static readonly CaseRule RequiredField = new("event.required_field",
        "必填项为空", "A required field is empty.");
    public static readonly CaseRule MissingParties = new("filing.missing_parties",
        "立案须至少有一名申请执行人和一名被执行人", "A filing needs at least one applicant and one respondent.");
    public static readonly CaseRule InvalidCaseNumber = new("filing.invalid_case_number",
        "案号无效或不是规范写法", "The case number is invalid or not in its canonical form.");
    public static readonly CaseRule InvalidPartyId = new("filing.invalid_party_id",
        "当事人身份证号码或统一社会信用代码无效", "A party's resident ID or unified social credit code is invalid.");
    public static readonly CaseRule CourtMismatch = new("filing.court_mismatch",
        "案号中的法院代字与立案法院不符", "The case number's court code is not the filing court.");
    public static readonly CaseRule UnknownCourt = new("filing.unknown_court",
        "立案法院不在法院名录中", "The filing court is not in the court directory.");
    public static readonly CaseRule ResumedWithoutEarlier = new("filing.resumed_without_earlier",
        "恢复执行案件须关联原案号", "A resumed case (执恢) must link the earlier case number.");
    public static readonly CaseRule NegativeAmount = new("amount.negative",
        "金额不得为负", "Amounts are non-negative.");
    public static readonly CaseRule NonPositiveFunds = new("funds.not_positive",
        "执行款到位或发放金额必须大于零", "Funds received or disbursed must be more than zero.");
    public static readonly CaseRule DisbursedExceedsReceived = new("funds.disbursed_exceeds_received",
        "发放的执行款不得超过到位的执行款", "Funds disbursed cannot exceed funds received.");
    public static readonly CaseRule CaseClosed = new("case.closed",
        "案件已结案或已移送破产，不得再采取该措施", "The case is concluded or transferred to bankruptcy and takes no such step.");
    public static readonly CaseRule CaseSuspended = new("case.suspended",
        "案件中止执行期间不得采取该措施", "The case is suspended and takes no such step.");
    public static readonly CaseRule SeizureAlreadyActive = new("seizure.already_active",
        "该财产已在本案查封中", "This asset is already under an active seizure in this case.");
    public static readonly CaseRule SeizureTermNotAfterStart = new("seizure.term_not_after_start",
        "查封期限届满日须晚于查封日", "A seizure's term must end after it starts.");
    public static readonly CaseRule SeizureTermTooLong = new("seizure.term_exceeds_limit",
        "查封期限超过法定上限：银行存款一年、动产两年、不动产及其他财产权三年",
        "The seizure term exceeds the legal limit: bank funds 1 year, movables 2 years, real estate and other rights 3 years.");
    public static readonly CaseRule SeizureNotFound = new("seizure.not_found",
        "本案无此查封", "No seizure of this asset exists in this case.");
    public static readonly CaseRule SeizureNotActive = new("seizure.not_active",
        "该查封已解除", "This seizure is no longer active.");
    public static readonly CaseRule SeizureExpired = new("seizure.expired",
        "查封期限已届满，不得续行，只能重新查封", "The seizure's term has ended: it can no longer be renewed, only seized anew.");
    public static readonly CaseRule RenewalNotLater = new("seizure.renewal_not_later",
        "续行查封的届满日须晚于原届满日", "A renewal must end later than the current term.");
    public static readonly CaseRule AuctionAlreadyOpen = new("auction.already_open",
        "该财产已在拍卖中", "This asset is already listed for auction.");
    public static readonly CaseRule AuctionNotOpen = new("auction.not_open",
        "该财产未挂拍", "This asset is not listed for auction.");
    public static readonly CaseRule SanctionIdTaken = new("sanction.id_taken",
        "该惩戒措施编号已被使用", "This sanction id is already used in this case.");
    public static readonly CaseRule NotARespondent = new("sanction.not_respondent",
        "被惩戒人不是本案被执行人", "The debtor named is not a respondent of this case.");
    public static readonly CaseRule SanctionAlreadyActive = new("sanction.already_active",
        "该被执行人已有同类有效惩戒措施", "This debtor already has an active sanction of this kind in this case.");
    public static readonly CaseRule ListingPeriodRequired = new("listing.period_required",
        "依第一条第二至六项纳入失信名单的，须载明期限", "A listing on grounds (2) to (6) must state its period.");
    public static readonly CaseRule ListingPeriodInvalid = new("listing.period_invalid",
        "失信期限须晚于纳入日期且不超过五年（二年，可延长一至三年）",
        "A listing period must end after the listing and within 5 years (2 years, extendable by 1 to 3).");
    public static readonly CaseRule SanctionNotFound = new("sanction.not_found",
        "本案无此惩戒措施", "No sanction with this id exists in this case.");
    public static readonly CaseRule SanctionAlreadyLifted = new("sanction.already_lifted",
        "该惩戒措施已删除或解除", "This sanction has already been lifted.");
    public static readonly CaseRule RepairNotAListing = new("repair.not_a_listing",
        "信用修复仅适用于失信名单", "Credit repair applies to dishonest-debtor listings only.");
    public static readonly CaseRule RepairBeforeLift = new("repair.not_lifted",
        "失信信息删除后方可发布信用修复公告", "A repair notice follows the deletion of the listing.");
    public static readonly CaseRule AlreadyRepaired = new("repair.already_repaired",
        "该失信信息已发布信用修复公告", "A repair notice was already published for this listing.");
    public static readonly CaseRule AlreadySuspended = new("suspension.already_suspended",
        "案件已中止执行", "The case is already suspended.");
    public static readonly CaseRule NotSuspended = new("suspension.not_suspended",
        "案件未中止执行，无需恢复", "The case is not suspended.");
    public static readonly CaseRule ExtensionNotLater = new("period.extension_not_later",
        "延长后的期限须晚于当前期限", "An extension must end later than the current deadline.");
    public static readonly CaseRule TerminationWithoutNotice = new("termination.no_notice",
        "终本前须已发出执行通知、责令报告财产", "终本 requires the enforcement notice and property-report order first.");
    public static readonly CaseRule TerminationWithoutInquiry = new("termination.no_inquiry",
        "终本前须已完成网络查控", "终本 requires a completed online property inquiry first.");
    public static readonly CaseRule TerminationWithoutRestriction = new("termination.no_restriction",
        "终本前须已发出限制消费令", "终本 requires a consumption restriction order first.");
    public static readonly CaseRule TerminationWithoutListCheck = new("termination.list_not_considered",
        "终本前须已审查被执行人是否应纳入失信名单", "终本 requires the dishonest-list check first.");
    public static readonly CaseRule TerminationWithoutInterview = new("termination.applicant_not_interviewed",
        "终本前须已告知申请执行人并听取其意见", "终本 requires informing and hearing the applicant first.");
    public static readonly CaseRule TerminationTooEarly = new("termination.too_early",
        "自立案之日起未满三个月，不得终本", "终本 is not allowed within 3 months of filing.");
}
