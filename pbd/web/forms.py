"""The forms of the core views; labels and errors come from :mod:`pbd.messages` in the request's language."""

from __future__ import annotations

from typing import Any

from django import forms

from pbd.messages import t
from pbd.vocabulary import DecisionOutcome
from pbd.web.models import Role, SignOffKind


class LangForm(forms.Form):
    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang


class LoginForm(LangForm):
    username = forms.CharField(max_length=150)
    password = forms.CharField(max_length=200, strip=False, widget=forms.PasswordInput)

    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["username"].label = t(lang, "web.login.username")
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})
        self.fields["password"].label = t(lang, "web.login.password")
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})


class NewDossierForm(LangForm):
    title = forms.CharField(max_length=200)
    upload = forms.FileField(required=False)

    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["title"].label = t(lang, "web.new.title")
        self.fields["title"].required = False
        self.fields["title"].help_text = t(lang, "web.new.title_help")
        self.fields["upload"].label = t(lang, "web.new.upload")
        self.fields["upload"].help_text = t(lang, "web.new.upload_help")
        self.fields["upload"].widget.attrs.update({"accept": ".yaml,.yml,.json"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("title") or "").strip() and not data.get("upload"):
            raise forms.ValidationError(t(self.lang, "web.new.need_title"))
        return data


class UploadForm(LangForm):
    upload = forms.FileField()

    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["upload"].label = t(lang, "web.upload.label")
        self.fields["upload"].widget.attrs.update({"accept": ".yaml,.yml,.json"})


ROLE_IDS: list[str] = list(Role.values)


class MemberForm(LangForm):
    username = forms.CharField(max_length=150)
    role = forms.ChoiceField(choices=[(r, r) for r in ROLE_IDS])

    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["username"].label = t(lang, "web.members.username")
        self.fields["role"].label = t(lang, "web.members.role")
        self.fields["role"].choices = [(r, t(lang, f"web.role.{r}")) for r in ROLE_IDS]


class CommentForm(LangForm):
    text = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    target_kind = forms.ChoiceField(choices=[("question", "question"), ("finding", "finding"), ("dossier", "dossier")])
    target = forms.CharField(max_length=300, required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["text"].label = t(lang, "web.comments.text")
        self.fields["target_kind"].widget = forms.HiddenInput()
        self.fields["target"].widget = forms.HiddenInput()


class SignOffForm(LangForm):
    version = forms.IntegerField(min_value=1)
    text = forms.CharField(max_length=10000, widget=forms.Textarea(attrs={"rows": 5}))
    outcome = forms.ChoiceField(required=False)
    adopt = forms.BooleanField(required=False)

    def __init__(self, *args: Any, kind: str, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["version"].label = t(lang, "web.signoff.version")
        self.fields["text"].label = t(lang, f"web.signoff.text_{kind}")
        self.fields["adopt"].label = t(lang, f"web.signoff.adopt_{kind}")
        if kind == SignOffKind.DECISION:
            self.fields["outcome"].required = True
            self.fields["outcome"].label = t(lang, "web.signoff.outcome")
            self.fields["outcome"].choices = [(o.value, t(lang, f"web.decision.{o.value}")) for o in DecisionOutcome]
        else:
            del self.fields["outcome"]


class NewUserForm(LangForm):
    username = forms.CharField(max_length=150)
    email = forms.EmailField(required=False)
    name = forms.CharField(max_length=150, required=False)

    def __init__(self, *args: Any, lang: str = "nl", **kwargs: Any) -> None:
        super().__init__(*args, lang=lang, **kwargs)
        self.fields["username"].label = t(lang, "web.members.username")
        self.fields["username"].help_text = t(lang, "web.users.username_help")
        self.fields["email"].label = t(lang, "web.users.email")
        self.fields["name"].label = t(lang, "web.users.name")
