"""The word-level diff of Chinese text and the matching of tasks between two versions (no build needed)."""
from __future__ import annotations

from macros.core.models import Task
from macros.features.versions.diff import DELETE, EQUAL, INSERT, diff, new_text, old_text, words
from macros.features.versions.queries import match


def spans(segments):
    return [(s.kind, s.text) for s in segments]


def test_a_diff_marks_whole_words_and_numbers():
    old = "每月汇总县内企业用工需求，通过村（社区）公告栏发布岗位信息。2024年6月底前，全县发布岗位信息不少于500条。"
    new = "每半月汇总县内企业用工需求，通过村（社区）公告栏和微信群发布岗位信息。2024年9月底前，全县发布岗位信息不少于800条。"
    segments = diff(old, new)
    assert [(k, t) for k, t in spans(segments) if k != EQUAL] == [
        (DELETE, "每月"), (INSERT, "每半月"), (INSERT, "和微信群"), (DELETE, "6"), (INSERT, "9"), (DELETE, "500"), (INSERT, "800")]
    assert old_text(segments) == old and new_text(segments) == new


def test_a_diff_gives_both_texts_back_and_folds_lone_characters():
    old, new = "对拖欠工资的行为依法查处", "对拖欠农民工工资和社保费的违法行为依法从严查处"
    segments = diff(old, new)
    assert old_text(segments) == old and new_text(segments) == new
    assert all(len(s.text) > 1 for s in segments if s.kind == EQUAL and 0 < segments.index(s) < len(segments) - 1)
    assert "".join(words(old)) == old


def test_a_removed_bracket_is_shown_as_a_bracket_pair():
    assert spans(diff("方案（征求意见稿）（测试数据）", "方案（测试数据）")) == [
        (EQUAL, "方案"), (DELETE, "（征求意见稿）"), (EQUAL, "（测试数据）")]


def test_identical_and_empty_texts():
    assert spans(diff("不变。", "不变。")) == [(EQUAL, "不变。")]
    assert spans(diff("", "新增。")) == [(INSERT, "新增。")]


def task(task_id: str, number: int, text: str, title: str = "标题") -> Task:
    return Task(id=task_id, number=number, title=title, text=text)


def test_tasks_match_by_id_then_by_text_when_ids_were_renumbered():
    """An importer numbers ids afresh (t01, t02 …): after a removed task, the same id is another task."""
    old = [task("t01", 1, "建设服务窗口，提供求职登记服务。"), task("t02", 2, "举办春季招聘会不少于3场。", "招聘会"),
           task("t03", 3, "组织农民工参加职业技能培训，培训合格的给予补贴。", "培训")]
    new = [task("t01", 1, "建设服务窗口，提供求职登记服务。"), task("t02", 2, "组织农民工参加职业技能培训，培训合格的按规定给予补贴。", "培训"),
           task("t03", 3, "建立农民工服务热线，接听求职和维权咨询。", "热线")]
    pairs, removed, added = match(old, new)
    assert [(p.old.id, p.new.id) for p in pairs] == [("t01", "t01"), ("t03", "t02")]
    assert [t.id for t in removed] == ["t02"] and [t.id for t in added] == ["t03"]
    moved = pairs[1]
    assert moved.renumbered and moved.reworded and moved.id_changed
    assert not pairs[0].changed


def test_a_kept_id_with_wholly_new_text_is_a_removal_and_an_addition():
    pairs, removed, added = match([task("t01", 1, "举办春季招聘会。", "招聘会")], [task("t01", 1, "建立服务热线，接听咨询电话。", "热线")])
    assert pairs == [] and [t.id for t in removed] == ["t01"] and [t.id for t in added] == ["t01"]
