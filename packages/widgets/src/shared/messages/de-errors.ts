/**
 * German texts of the API's reasons and of failures on the server's side; loaded on demand with
 * the English ones (errors.ts). Every reason of the SDK's registry needs one (a missing one is
 * a compile-time error, and errors.test.ts checks it at run time). Params in English words
 * (`action`, `detail`, a field's label) are left out: the widget says what was being done.
 */
import type { Message } from './en.ts';
import type { ErrorKey } from './en-errors.ts';

export const deErrors: Record<ErrorKey, Message> = {
  // ——— Anfragen, die die API nicht lesen kann ———
  'reason.bad_request.path_encoding': 'Die Adresse enthält ungültig kodierte Zeichen.',
  'reason.bad_request.flag_own_comment': 'Ihren eigenen Kommentar können Sie nicht melden; bearbeiten oder löschen Sie ihn stattdessen.',
  'reason.bad_request.pin_reply':
    'Nur Kommentare der obersten Ebene lassen sich anheften; heften Sie den Kommentar an, mit dem der Zweig beginnt.',
  'reason.bad_request.websocket_required': 'Diese Adresse ist nur für Live-Aktualisierungen gedacht.',
  'reason.bad_request.live_connect': 'Live-Aktualisierungen lassen sich nur über diesen Dienst öffnen.',
  'reason.bad_request.http': 'Die Anfrage konnte nicht verarbeitet werden.',
  'reason.bad_request.idempotency_key':
    'Die Anfrage trug einen ungültigen Wiederholungsschlüssel (Idempotency-Key): höchstens {maxLength} sichtbare ASCII-Zeichen ohne Leerzeichen.',
  'reason.malformed_json.body': 'Die Anfrage konnte nicht gelesen werden.',
  'reason.unsupported_media_type.json_only': 'Die Anfrage wurde in einem Format gesendet, das dieser Dienst nicht liest.',
  'reason.payload_too_large.body': 'Das ist zu viel auf einmal: Die Anfrage ist größer als {maxKb} KB.',
  'reason.method_not_allowed.http': 'Diese Aktion ist hier nicht möglich.',
  'reason.payload_too_large.http': 'Das ist zu viel auf einmal.',
  'reason.unsupported_media_type.http': 'Die Anfrage wurde in einem Format gesendet, das dieser Dienst nicht liest.',
  'reason.unauthorized.http': 'Melden Sie sich an, um teilzunehmen.',
  'reason.forbidden.http': 'Dafür fehlt Ihnen die Berechtigung.',
  'reason.not_found.http': 'Das gibt es nicht (mehr).',

  // ——— Prüfung der Eingaben ———
  'reason.validation_failed.fields': 'Einige Ihrer Angaben können so nicht gespeichert werden.',
  'reason.validation_failed.template': 'Die Vorlage ist nicht gültig.',
  'reason.validation_failed.card_fields': 'Einige Felder der Karte sind nicht gültig.',
  'reason.validation_failed.card_references': 'Die Karte verweist auf etwas, das es nicht gibt.',
  'reason.validation_failed.unknown_card':
    'Eine veröffentlichte Praxiskarte „{id}“ gibt es in dieser Community nicht: Nennen Sie eine veröffentlichte Karte.',
  'reason.validation_failed.no_template': 'Die Vorlage „{template}“ gibt es nicht.',
  'reason.validation_failed.unknown_unit':
    'Den Geschäftsbereich „{unit}“ gibt es in dieser Community nicht, oder er ist archiviert: Nennen Sie einen aktuellen Bereich mit seinem Schlüssel.',
  'reason.validation_failed.unit_key':
    'Der Schlüssel „{key}“ ist ungültig: Verwenden Sie Kleinbuchstaben und Ziffern in Wörtern mit einzelnen Bindestrichen, höchstens 40 Zeichen (z. B. „group-it“).',
  'reason.validation_failed.unit_parent':
    'Einen Geschäftsbereich „{parent}“ als übergeordneten Bereich gibt es nicht: Nennen Sie einen Bereich mit seinem Schlüssel.',
  'reason.validation_failed.unit_cycle':
    'Der Geschäftsbereich „{parent}“ gehört schon zu „{key}“ (oder ist es): Ein Bereich kann nicht Teil seiner selbst sein.',
  'reason.validation_failed.impacted_sponsor':
    'Der Geschäftsbereich „{unit}“ ist der Auftraggeber der Idee: Nennen Sie nur die anderen betroffenen Bereiche.',
  'reason.validation_failed.unknown_objective':
    'Ein aktuelles Ziel „{id}“ gibt es in dieser Community nicht: Nennen Sie ein Ziel eines Bereichs mit seiner Kennung.',
  'reason.validation_failed.unknown_person': 'Niemand hat das Kürzel „{handle}“: Nennen Sie Personen mit dem Kürzel, das ihr Profil zeigt.',
  'reason.validation_failed.unknown_demand_class':
    'Eine Nachfrageklasse „{class}“ gibt es in dieser Community nicht. Ihre Klassen: {classes}.',
  'reason.validation_failed.decided_in_future': 'Eine Entscheidung hält fest, was entschieden wurde: {decidedOn} liegt nach heute.',
  'reason.validation_failed.intake_status':
    '„{status}“ ist kein Ablehnungsstatus mit Verweis des Boards „{board}“. Seine Status dafür: {statuses}.',
  'reason.validation_failed.card_objectives':
    'Eine Karte der Vorlage „{template}“ dient keinen Zielen: Das tun nur Business Cases, Nutzenrealisierungspläne und Account-Pläne.',
  'reason.validation_failed.visibility_needs_unit':
    'Eine Karte nur für das Team eines Bereichs braucht einen Bereich: Wählen Sie ihn oder eine andere Sichtbarkeit.',
  'reason.validation_failed.health_items':
    'Eine Runde fragt beide Seiten nach beiden Seiten: Nennen Sie mindestens einen Punkt, der das Geschäft bewertet, und einen, der den Anbieter bewertet, jeden nur einmal, aus den Standardpunkten ({items}).',
  'reason.validation_failed.health_answers': 'Die Antworten sind nicht gültig — {problems}',
  'reason.validation_failed.health_invitees':
    'Niemand in dieser Community hat das Kürzel „{handle}“: Laden Sie Personen mit dem Kürzel aus ihrem Profil ein.',
  'reason.validation_failed.health_side':
    '{handle} gehört zu {unit}, einem Bereich der anderen Seite: Fachbereiche antworten für das Geschäft, die IT für den Anbieter.',
  'reason.validation_failed.review_date_past': 'Der nächste Prüftermin muss in der Zukunft liegen.',
  'reason.validation_failed.insight_period': 'Der Zeitraum darf nicht enden, bevor er beginnt, und umfasst höchstens {max} Monate.',
  'reason.validation_failed.benefit_references': 'Der Nutzen verweist auf etwas, das es nicht gibt.',
  'reason.validation_failed.measured_in_future': 'Ein Messwert hält fest, was gemessen wurde: {measuredOn} liegt nach heute.',
  'reason.validation_failed.cursor': 'Die Liste konnte nicht weitergeblättert werden. Laden Sie sie neu.',
  'reason.validation_failed.cursor_sort': 'Die Sortierung hat sich geändert. Laden Sie die Liste neu.',
  'reason.validation_failed.cursor_list': 'Die Sortierung hat sich geändert. Laden Sie die Liste neu.',
  'reason.validation_failed.relevance_without_q': 'Nach Relevanz lässt sich nur sortieren, wenn Sie etwas suchen.',
  'reason.validation_failed.scores': 'Die Bewertung ist nicht gültig.',
  'reason.validation_failed.unknown_status': 'Das Board „{board}“ hat keinen Status „{status}“.',
  'reason.validation_failed.status_reason':
    'Für „{status}“ brauchen Sie eine schriftliche Begründung (mindestens 10 Zeichen): Sagen Sie der einreichenden Person, warum.',
  'reason.validation_failed.revisit_date': '„{status}“ braucht ein Datum nach heute, an dem die Idee erneut geprüft wird.',
  'reason.validation_failed.revisit_date_past': 'Das Datum der erneuten Prüfung muss nach heute liegen.',
  'reason.validation_failed.revisit_date_unused':
    '„{status}“ nimmt kein Datum für eine erneute Prüfung: Das tut nur ein Status, der eine Idee zurückstellt.',
  'reason.validation_failed.min_value_range': 'Die Nutzenschwelle muss im Wertebereich der Bewertung liegen, von {min} bis {max}.',
  'reason.validation_failed.merge_into_itself': 'Eine Idee kann nicht mit sich selbst zusammengeführt werden.',
  'reason.validation_failed.empty_comment': 'Der Kommentar ist leer: Schreiben Sie etwas, bevor Sie ihn veröffentlichen.',
  'reason.validation_failed.reply_elsewhere':
    'Dieser Kommentar gehört zu einer anderen Diskussion: Antworten Sie in der Diskussion, die Sie gerade lesen.',
  'reason.validation_failed.promote_elsewhere': 'Dieser Kommentar gehört zu einer anderen Diskussion: Machen Sie ihn dort zur Praxiskarte.',
  'reason.validation_failed.story_template':
    'Eine Erfahrung aus der Praxis kann die Vorlage „{template}“ nicht füllen, ihr fehlen Pflichtfelder: Wählen Sie eine Anleitungs-Vorlage wie „Praxisanleitung“, oder schreiben Sie diese Karte selbst.',
  'reason.validation_failed.timeout_past': 'Eine Sperre auf Zeit muss in der Zukunft enden.',
  'reason.validation_failed.closes_before_opens': 'Das Board muss schließen, nachdem es öffnet.',
  'reason.validation_failed.per_idea_over_budget': 'Die Stimmen pro Idee dürfen das Budget nicht übersteigen.',
  'reason.validation_failed.status_twice': 'Der Status-Schlüssel „{key}“ kommt zweimal vor.',
  'reason.validation_failed.status_merged': '„merged“ ist für zusammengeführte Duplikate reserviert.',
  'reason.validation_failed.status_withdrawn': '„withdrawn“ ist für Ideen reserviert, die ihre Autorinnen und Autoren zurückgezogen haben.',
  'reason.validation_failed.deflection_reason':
    'Der ablehnende Status „{key}“ muss eine Begründung verlangen: Eine Ablehnung bleibt nie unbegründet.',
  'reason.validation_failed.no_open_status': 'Mindestens ein Status braucht die Kategorie „open“: Dort beginnen neue Ideen.',
  'reason.validation_failed.required_fields': 'Dieses Board verlangt weitere Angaben zum Business Case.',
  'reason.validation_failed.id_mismatch': 'Die ID im Inhalt („{given}“) weicht von der in der Adresse („{id}“) ab.',
  'reason.validation_failed.attribute_too_long': '„{attribute}“ ist länger als {max} Zeichen.',
  'reason.validation_failed.widget_needs': 'Das Widget „{widget}“ braucht die Angabe {options}.',
  'reason.validation_failed.subject': 'Diese Person kann mit einem Einbettungs-Token nicht benannt werden.',

  // ——— Wer was darf ———
  'reason.unauthorized.sign_in': 'Melden Sie sich an, um teilzunehmen.',
  'reason.unauthorized.read': 'Melden Sie sich an, um diese Community zu lesen.',
  'reason.unauthorized.admin_token': 'Die Administrations-API braucht das Plattform-Admin-Token.',
  'reason.invalid_token.authorization_header':
    'Ihre Anmeldung konnte nicht gelesen werden. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.invalid_token.unknown_kind': 'Ihre Anmeldung konnte nicht gelesen werden. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.invalid_token.api_key_malformed': 'Der API-Schlüssel hat nicht das richtige Format.',
  'reason.invalid_token.api_key_unknown': 'Der API-Schlüssel gehört nicht zur Community „{tenant}“.',
  'reason.invalid_token.api_key_revoked': 'Der API-Schlüssel „{name}“ wurde am {revokedAt} widerrufen. Erstellen Sie einen neuen.',
  'reason.invalid_token.admin_token': 'Das ist nicht das Plattform-Admin-Token dieses Workers.',
  'reason.invalid_token.live_ticket': 'Die Live-Aktualisierung ist abgelaufen. Laden Sie die Seite neu.',
  'reason.invalid_token.live_ticket_used': 'Diese Live-Aktualisierung wurde schon geöffnet. Laden Sie die Seite neu.',
  'reason.invalid_token.embed_no_secret':
    'Die Community „{tenant}“ hat noch kein Einbettungs-Geheimnis und kann deshalb keine Anmeldungen annehmen.',
  'reason.invalid_token.embed_unknown_kid': 'Ihre Anmeldung wurde mit einem Schlüssel signiert, den die Community „{tenant}“ nicht kennt.',
  'reason.invalid_token.embed_not_jwt': 'Ihre Anmeldung konnte nicht gelesen werden. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.invalid_token.embed_claims': 'Ihre Anmeldung ist unvollständig. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.invalid_token.embed_subject': 'Ihre Anmeldung nennt eine Person, die über diesen Weg nicht angemeldet werden kann.',
  'reason.invalid_token.embed_lifetime': 'Ihre Anmeldung gilt länger als erlaubt ({lifetime} s statt höchstens {max} s).',
  'reason.invalid_token.embed_algorithm': 'Ihre Anmeldung ist falsch signiert.',
  'reason.invalid_token.embed_signature': 'Die Signatur Ihrer Anmeldung passt nicht zur Community „{tenant}“.',
  'reason.invalid_token.embed_issued_at':
    'Ihre Anmeldung ist zu alt oder stammt aus der Zukunft; die Uhr des Intranet-Servers geht womöglich falsch.',
  'reason.invalid_token.embed_not_yet_valid': 'Ihre Anmeldung gilt noch nicht; die Uhr des Intranet-Servers geht womöglich falsch.',
  'reason.invalid_token.embed_claim': 'Ihrer Anmeldung fehlt die Angabe „{claim}“, oder sie ist fehlerhaft.',
  'reason.invalid_token.embed_malformed': 'Ihre Anmeldung konnte nicht gelesen werden. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.invalid_token.oidc_issued_in_future': 'Ihre Anmeldung stammt aus der Zukunft und gilt noch nicht.',
  'reason.invalid_token.oidc_directory': 'Ihre Anmeldung stammt aus einem anderen Verzeichnis, als die Community „{tenant}“ annimmt.',
  'reason.invalid_token.oidc_scope': 'Ihrer Anmeldung fehlt die Berechtigung „{scope}“.',
  'reason.invalid_token.oidc_subject_claims': 'Ihre Anmeldung sagt nicht, wer Sie sind.',
  'reason.invalid_token.oidc_algorithm': 'Ihre Anmeldung ist falsch signiert.',
  'reason.invalid_token.oidc_audience': 'Ihre Anmeldung gilt nicht für diesen Dienst. Wenden Sie sich an die Administration dieser Seite.',
  'reason.invalid_token.oidc_issuer': 'Ihre Anmeldung stammt nicht vom erwarteten Anmeldedienst.',
  'reason.invalid_token.oidc_not_yet_valid': 'Ihre Anmeldung gilt noch nicht.',
  'reason.invalid_token.oidc_claim': 'Ihrer Anmeldung fehlt die Angabe „{claim}“, oder sie ist ungültig.',
  'reason.invalid_token.oidc_no_key': 'Ihre Anmeldung wurde nicht vom erwarteten Anmeldedienst signiert.',
  'reason.invalid_token.oidc_signature': 'Die Signatur Ihrer Anmeldung ist ungültig.',
  'reason.invalid_token.oidc_malformed': 'Ihre Anmeldung konnte nicht gelesen werden. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.token_expired.embed': 'Ihre Anmeldung ist abgelaufen. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.token_expired.oidc': 'Ihre Anmeldung ist abgelaufen. Laden Sie die Seite neu, um sich erneut anzumelden.',
  'reason.forbidden.origin':
    'Diese Seite darf diese Community nicht anzeigen. Bitten Sie die Administration dieser Seite, {origin} zuzulassen.',
  'reason.forbidden.role':
    'Das können Sie nicht tun: Dafür braucht es die Rolle {role}. Eine Administratorin oder ein Administrator der Community kann sie vergeben.',
  'reason.forbidden.api_key_role': 'Dieser API-Schlüssel darf das nicht: Dafür braucht es die Rolle {role}.',
  'reason.forbidden.api_key_write': 'Dieser API-Schlüssel darf nichts ändern: Ihm fehlt der Bereich „write“.',
  'reason.forbidden.api_key_read': 'Dieser API-Schlüssel darf nichts lesen: Ihm fehlt der Bereich „read“.',
  'reason.forbidden.platform_token':
    'Mit dem Plattform-Admin-Token lässt sich das nicht tun; nehmen Sie das Token einer Person oder einen API-Schlüssel.',
  'reason.forbidden.not_a_person':
    'Das kann nur eine angemeldete Person: API-Schlüssel und das Plattform-Token haben keine eigenen personenbezogenen Daten.',
  'reason.forbidden.console_origin':
    'Seiten auf {origin} dürfen die Plattform-Administrations-API nicht verwenden. Der Betrieb kann den Ursprung der Admin-Konsole in BRIDGEKIT_CONSOLE_ORIGINS eintragen.',
  'reason.forbidden.admin_api_off': 'Die Administrations-API dieses Workers ist ausgeschaltet.',
  'reason.forbidden.banned': 'Eine Moderatorin oder ein Moderator hat Sie vom Schreiben ausgeschlossen.',
  'reason.forbidden.banned_because': 'Eine Moderatorin oder ein Moderator hat Sie vom Schreiben ausgeschlossen. Grund: {reason}',
  'reason.forbidden.paused': 'Eine Moderatorin oder ein Moderator hat Ihr Schreiben bis {until} ausgesetzt.',
  'reason.forbidden.paused_because': 'Eine Moderatorin oder ein Moderator hat Ihr Schreiben bis {until} ausgesetzt. Grund: {reason}',
  'reason.forbidden.edit_others_comment': 'Einen Kommentar kann nur die Person bearbeiten, die ihn geschrieben hat.',
  'reason.forbidden.edit_others_idea':
    'Eine Idee können nur die Person, von der sie stammt, wer sie für diese Person erfasst hat, oder die Moderation bearbeiten.',
  'reason.forbidden.withdraw_others_idea':
    'Eine Idee können nur die Person, von der sie stammt, oder wer sie für diese Person erfasst hat, zurückziehen.',
  'reason.forbidden.need_met_others_idea':
    'Ob die Antwort den Bedarf gedeckt hat, sagen nur die Person, von der die Idee stammt, oder wer sie für diese Person erfasst hat.',
  'reason.forbidden.proxy_idea':
    'Ideen im Namen einer anderen Person erfassen nur Personen mit der Rolle Bewertung, Moderation oder Administration. Reichen Sie die Idee als Ihre eigene ein.',
  'reason.forbidden.restrict_self': 'Sie können sich nicht selbst sperren.',
  'reason.forbidden.restrict_higher_role':
    'Sie können diese Person nicht sperren: Ihre Rolle ({role}) steht über Ihrer. Fragen Sie jemanden mit dieser Rolle oder einer höheren.',
  'reason.forbidden.card_owner': 'Das kann nur die verantwortliche Person der Karte oder die Moderation.',
  'reason.forbidden.card_owner_change': 'Die verantwortliche Person einer Karte kann nur sie selbst oder die Moderation ändern.',
  'reason.forbidden.side_locked':
    'Dieses Feld kann nur die andere Seite der Beziehung ändern: Speichern Sie die Karte mit dem bisherigen Wert, oder fragen Sie jemanden dieser Seite.',
  'reason.forbidden.accept_answer':
    'Die akzeptierte Antwort kann nur die Person markieren, die die Diskussion begonnen hat, oder die Moderation.',
  'reason.forbidden.promote_thread':
    'Eine Diskussion zur Praxiskarte machen kann nur die Person, die sie begonnen hat, oder die Moderation.',
  'reason.forbidden.promote_comment':
    'Einen Kommentar zur Praxiskarte machen kann nur die Person, die ihn geschrieben hat, oder die Moderation.',
  'reason.forbidden.live_origin': 'Keine Live-Aktualisierung: Diese Seite ist nicht mehr zugelassen.',
  'reason.forbidden.live_anonymous': 'Keine Live-Aktualisierung: Melden Sie sich an, um dieser Diskussion zu folgen.',
  'reason.forbidden.live_restricted': 'Keine Live-Aktualisierung: Die Moderation hat Sie eingeschränkt.',
  'reason.forbidden.live_key': 'Keine Live-Aktualisierung: Der API-Schlüssel wurde widerrufen.',
  'reason.forbidden.health_manage': 'Nur die Relationship Manager des Bereichs „{unit}“ oder ein Admin können das.',
  'reason.forbidden.health_not_invited': 'Nur die zu dieser Runde eingeladenen Personen können sie beantworten.',
  'reason.forbidden.value_plan':
    'Nur Bewertende, die Sponsorin oder der Sponsor der Idee und das Beziehungsteam ihres Bereichs können ihren Nutzenplan anlegen.',
  'reason.forbidden.value_edit':
    'Nur die verantwortliche Person der Plankarte, das Beziehungsteam ihres Bereichs oder ein Admin können das.',
  'reason.forbidden.value_measure':
    'Nur die für den Nutzen verantwortliche Person, die verantwortliche Person der Plankarte, das Beziehungsteam ihres Bereichs oder ein Admin können einen Messwert erfassen.',
  'reason.forbidden.value_actual': 'Nur wer diesen Messwert erfasst hat, oder ein Admin, kann ihn löschen.',
  'reason.forbidden.sponsor_scores':
    'Sie sind Sponsorin oder Sponsor dieser Idee und können sie daher nicht bewerten: Ihre Bewertung wäre kein unabhängiges Urteil.',
  'reason.forbidden.unit_objectives': 'Nur das Beziehungsteam des Bereichs „{unit}“, ein CIO oder ein Admin können seine Ziele ändern.',

  // ——— Was es nicht gibt ———
  'reason.not_found.route': 'Das gibt es nicht.',
  'reason.not_found.tenant': 'Diese Community gibt es hier nicht.',
  'reason.not_found.own_tenant': 'Diese Community gibt es nicht.',
  'reason.not_found.board': 'Das Board „{id}“ gibt es nicht.',
  'reason.not_found.idea': 'Diese Idee gibt es nicht mehr.',
  'reason.not_found.idea_discussion': 'Diese Diskussion gehört zu einer Idee, die es nicht gibt oder die Sie nicht sehen können.',
  'reason.not_found.card_discussion': 'Diese Diskussion gehört zu einer Praxiskarte, die es nicht gibt oder die Sie nicht sehen können.',
  'reason.not_found.comment': 'Diesen Kommentar gibt es nicht mehr.',
  'reason.not_found.top_level_comment': 'Diesen Kommentar gibt es nicht mehr.',
  'reason.not_found.thread': 'Diese Diskussion gibt es nicht.',
  'reason.not_found.follow_target': 'Dem können Sie nicht folgen: Es ist hier nicht vorhanden, oder Sie können es nicht sehen.',
  'reason.not_found.card': 'Diese Praxiskarte gibt es nicht, oder sie wurde entfernt.',
  'reason.not_found.card_version': 'Die Version {version} dieser Praxiskarte gibt es nicht.',
  'reason.not_found.held_edit': 'Diese zurückgehaltene Änderung gibt es nicht mehr.',
  'reason.not_found.template': 'Die Vorlage „{id}“ gibt es nicht.',
  'reason.not_found.person': 'Diese Person gibt es in dieser Community nicht.',
  'reason.not_found.health_round': 'Diese Beziehungs-Check-Runde gibt es nicht.',
  'reason.not_found.value_plan': 'Diese Karte ist kein Nutzenrealisierungsplan, den Sie sehen dürfen.',
  'reason.not_found.benefit': 'Diesen Nutzen gibt es nicht.',
  'reason.not_found.value_actual': 'Diesen Messwert gibt es nicht.',
  'reason.not_found.objective': 'Das Ziel „{id}“ gibt es nicht.',
  'reason.not_found.health_unit': 'Den Geschäftsbereich „{id}“ gibt es nicht, oder Sie gehören nicht zu seinem Beziehungsteam.',
  'reason.not_found.origin': 'Die zugelassene Herkunft „{id}“ gibt es nicht.',
  'reason.not_found.api_key': 'Den API-Schlüssel „{id}“ gibt es nicht.',
  'reason.not_found.webhook': 'Den Webhook „{id}“ gibt es nicht.',
  'reason.not_found.role': 'Für „{id}“ ist keine Rolle vergeben.',
  'reason.not_found.unit': 'Den Geschäftsbereich „{id}“ gibt es nicht.',
  'reason.not_found.active_embed_secret': 'Ein aktives Einbettungs-Geheimnis „{id}“ gibt es nicht.',
  'reason.not_found.embed_secret': 'Das Einbettungs-Geheimnis „{id}“ gibt es nicht.',
  'reason.not_found.oidc_provider': 'Den Anmeldedienst „{id}“ gibt es nicht.',
  'reason.not_found.sign_in_client': 'Für den Anmeldedienst „{id}“ ist keine Anmeldung für eingebettete Seiten eingerichtet.',
  'reason.not_found.widget': 'Das Widget „{id}“ gibt es nicht.',
  'reason.not_found.demo_user': 'Die Demo-Person „{id}“ gibt es nicht.',

  // ——— Was der aktuelle Stand nicht erlaubt ———
  'reason.conflict.board_closed': 'Das Board „{board}“ nimmt gerade keine neuen Ideen an.',
  'reason.conflict.idea_pending':
    'Über diese Idee muss erst die Moderation entscheiden: Geben Sie sie in der Moderationswarteschlange frei.',
  'reason.conflict.score_merged': 'Diese Idee wurde mit einer anderen zusammengeführt; bewerten Sie jene.',
  'reason.conflict.sponsor_scored':
    '{handle} hat diese Idee schon bewertet und kann sie daher nicht sponsern: Nennen Sie jemanden, der sie nicht bewertet hat.',
  'reason.conflict.intake_step': 'Die Eingangsprüfung dieser Idee steht bei „{from}“: Von dort geht es nicht zu „{to}“.',
  'reason.conflict.intake_no_defer_status':
    'Das Board „{board}“ hat keinen Status, der eine Idee mit Wiedervorlagedatum zurückstellt; sie kann daher nicht zurückgestellt werden.',
  'reason.conflict.objective_in_profile': 'Das Ziel „{id}“ steht im Partnerprofil seines Bereichs: Ändern oder entfernen Sie es dort.',
  'reason.conflict.status_merged': 'Diese Idee wurde mit einer anderen zusammengeführt; ändern Sie den Status von jener.',
  'reason.conflict.already_merged': 'Diese Idee wurde bereits mit einer anderen zusammengeführt.',
  'reason.conflict.merge_into_merged': 'Die Zielidee ist selbst mit einer anderen zusammengeführt; führen Sie mit jener zusammen.',
  'reason.conflict.merge_across_boards': 'Nur Ideen desselben Boards lassen sich zusammenführen.',
  'reason.conflict.board_slug_taken': 'Ein Board mit der Kennung „{slug}“ gibt es schon.',
  'reason.conflict.tenant_slug_taken': 'Eine Community mit der Kennung „{slug}“ gibt es schon.',
  'reason.conflict.unit_key_taken': 'Einen Geschäftsbereich mit dem Schlüssel „{key}“ gibt es schon.',
  'reason.conflict.unit_alias_taken':
    'Der Alias „{alias}“ gehört schon zum Geschäftsbereich „{unit}“: Ein Alias nennt genau einen Bereich. Entfernen Sie ihn dort zuerst.',
  'reason.conflict.builtin_template': '„{id}“ ist eine mitgelieferte Vorlage und kann nicht entfernt werden.',
  'reason.conflict.template_in_use': 'Karten verwenden die Vorlage „{id}“; verschieben oder löschen Sie diese zuerst.',
  'reason.conflict.no_embed_secret': 'Die Community „{tenant}“ hat kein aktives Einbettungs-Geheimnis. Erstellen Sie zuerst eines.',
  'reason.conflict.last_embed_secret': '„{kid}“ ist das einzige aktive Einbettungs-Geheimnis; erstellen Sie zuerst ein neues.',
  'reason.conflict.issuer_taken': 'Der Anmeldedienst „{provider}“ verwendet diesen Aussteller bereits.',
  'reason.conflict.stale_card':
    'Jemand hat inzwischen eine neuere Fassung dieser Karte gespeichert (Version {version}, von {by} am {at}). Laden Sie sie und übernehmen Sie Ihre Änderungen erneut.',
  'reason.conflict.card_rejected':
    'Die Moderation hat diese Karte abgelehnt; sie lässt sich nicht mehr bearbeiten. Schreiben Sie stattdessen eine neue Karte.',
  'reason.conflict.edit_rejected': 'Diese Änderung wurde abgelehnt; ihre Autorin oder ihr Autor kann sie erneut vornehmen.',
  'reason.conflict.edit_outdated':
    'Diese Änderung bezieht sich auf Version {base}, die Karte ist inzwischen bei Version {version}: Eine Freigabe würde neuere Änderungen überschreiben. Lehnen Sie sie ab; sie kann auf der aktuellen Version erneut vorgenommen werden.',
  'reason.conflict.comment_removed': 'Dieser Kommentar wurde entfernt und kann nicht mehr bearbeitet werden.',
  'reason.conflict.idea_rejected':
    'Die Moderation hat diese Idee abgelehnt; sie lässt sich nicht mehr bearbeiten. Reichen Sie stattdessen eine neue Idee ein.',
  'reason.conflict.idempotency_key_in_flight':
    'Die erste Übermittlung wird noch verarbeitet. Versuchen Sie es in {retryAfter} Sekunden erneut, um ihr Ergebnis zu sehen.',
  'reason.conflict.idempotency_key_applied':
    'Die erste Übermittlung wurde ausgeführt, ihre Antwort ging aber verloren; sie wird nicht wiederholt. Laden Sie neu, um das Ergebnis zu sehen.',
  'reason.conflict.idempotency_key_reused':
    'Dieser Wiederholungsschlüssel (Idempotency-Key) gehört zu einer anderen Anfrage des letzten Tages: Senden Sie für eine neue Anfrage einen neuen Schlüssel.',
  'reason.conflict.edit_closed_idea':
    'Diese Idee ist abgeschlossen; ihr Text bleibt so, wie über sie entschieden wurde. Reichen Sie stattdessen eine neue Idee ein.',
  'reason.conflict.edit_merged_idea': 'Diese Idee wurde mit „{into}“ zusammengeführt; bearbeiten Sie jene.',
  'reason.conflict.withdraw_closed': 'Diese Idee ist bereits abgeschlossen: Es gibt nichts zurückzuziehen.',
  'reason.conflict.need_met_not_deflected': 'Diese Idee wurde nicht anderweitig beantwortet: Es gibt keine Antwort zu bestätigen.',
  'reason.conflict.withdraw_merged':
    'Diese Idee wurde mit „{into}“ zusammengeführt, wo ihre Unterstützung jetzt zählt: Allein lässt sie sich nicht zurückziehen.',
  'reason.conflict.comment_already_removed': 'Dieser Kommentar ist bereits entfernt.',
  'reason.conflict.pin_unpublished': 'Nur veröffentlichte Kommentare lassen sich anheften.',
  'reason.conflict.accept_unpublished': 'Nur ein veröffentlichter Kommentar kann die akzeptierte Antwort sein.',
  'reason.conflict.promote_unpublished': 'Nur ein veröffentlichter Kommentar kann zur Praxiskarte werden.',
  'reason.conflict.promote_empty': 'Die Diskussion hat keinen veröffentlichten Kommentar, der zur Praxiskarte werden könnte.',
  'reason.conflict.promotion_held':
    'Aus dieser Erfahrung ist schon eine Praxiskarte geworden; sie wartet auf die Prüfung durch die Moderation.',
  'reason.conflict.react_unpublished': 'Reaktionen gibt es nur auf veröffentlichte Kommentare.',
  'reason.conflict.health_round_closed': 'Diese Runde ist abgeschlossen: Einladungen und Antworten stehen fest.',
  'reason.conflict.not_approved': 'Die Idee ist nicht genehmigt (Schritt „{step}“): Nur eine genehmigte Idee bekommt einen Nutzenplan.',
  'reason.conflict.benefit_limit': 'Ein Nutzenplan hat höchstens {max} Nutzen: Entfernen Sie einen, bevor Sie einen weiteren anlegen.',
  'reason.conflict.health_round_open':
    'Diese Runde läuft noch: Die Ergebnisse erscheinen, sobald sie abgeschlossen ist, damit niemandes Bewertung die der anderen beeinflusst.',
  'reason.voting_closed.pending': 'Diese Idee wartet auf die Moderation: Sobald sie veröffentlicht ist, kann abgestimmt werden.',
  'reason.voting_closed.merged': 'Diese Idee wurde mit einer anderen zusammengeführt: Unterstützen Sie jene.',
  'reason.voting_closed.closed': 'Diese Idee ist abgeschlossen; ihre Stimmen sind eingefroren.',
  'reason.voting_closed.board': 'Auf dem Board „{board}“ kann gerade nicht abgestimmt werden.',
  'reason.vote_budget_exceeded.budget':
    'Sie haben auf diesem Board noch {remaining} von {total} Stimmen; dafür bräuchten Sie {needed} mehr.',
  'reason.vote_budget_exceeded.proxy':
    '{name} hat alle {total} Stimmen dieses Boards auf offene Ideen verteilt, und eine für diese Person erfasste Idee braucht eine davon: Ziehen Sie zuerst eine dieser Ideen zurück.',
  'reason.vote_budget_exceeded.per_idea': {
    one: 'Auf eine Idee dieses Boards kann jede Person höchstens # Stimme geben.',
    other: 'Auf eine Idee dieses Boards kann jede Person höchstens # Stimmen geben.',
  },

  // ——— Archive: Export und Import eines Mandanten ———
  'reason.validation_failed.archive_version':
    'Dies ist Version {version} des Formats „{format}“; importiert wird „bridgekit-archive“ Version 1. Exportieren Sie es erneut aus einem Bridgekit derselben Version.',
  'reason.validation_failed.archive_header': 'Zeile 1 muss der Kopf des Archivs sein, wie der Export ihn schreibt: {problem}',
  'reason.validation_failed.archive_line': 'Zeile {line} ist nicht ein JSON-Objekt: {problem}',
  'reason.validation_failed.archive_table': 'Zeile {line} nennt die Tabelle „{table}“, die ein Archiv nicht enthält. Tabellen: {tables}.',
  'reason.validation_failed.archive_record': 'Zeile {line} ({table}) ist kein gültiger Datensatz: {problem}',
  'reason.validation_failed.archive_order':
    'Zeile {line} ({table}) folgt auf Datensätze von „{previous}“: Ein Archiv führt seine Tabellen in der Reihenfolge des Exports auf.',
  'reason.validation_failed.archive_counts':
    'Das Archiv endet in Zeile {line}, aber seine Datensätze ergeben nicht die Anzahlen seiner letzten Zeile: Es fehlen Zeilen.',
  'reason.conflict.import_not_empty':
    'Der Mandant „{tenant}“ hat bereits Inhalte: Ein Archiv wird nur in einen neuen, leeren Mandanten importiert.',
  'reason.conflict.import_continuation':
    'Zeile {line} setzt keinen laufenden Import fort: Senden Sie das Archiv ab Zeile 1 und jeden weiteren Teil mit der `continuation` der vorigen Antwort.',
  'reason.conflict.import_clash':
    'Die Zeilen {from}–{to} passen nicht zu den gespeicherten Daten: eine Kennung, die ein anderer Mandant verwendet, oder ein Verweis auf einen Datensatz, der im Archiv nicht vorher kam. Kennungen bleiben erhalten: Importieren Sie in eine andere Installation oder nachdem der ursprüngliche Mandant entfernt wurde.',

  // ——— Von der Moderation abgewiesen ———
  'reason.comment_rejected.banned_word':
    'Ihr Kommentar enthält „{word}“, was in dieser Community nicht erlaubt ist. Entfernen Sie es und veröffentlichen Sie erneut.',
  'reason.idea_rejected.banned_word':
    'Ihre Idee enthält „{word}“, was in dieser Community nicht erlaubt ist. Entfernen Sie es und reichen Sie erneut ein.',
  'reason.idea_rejected.banned_word_in':
    'Ihre Idee enthält „{word}“, was in dieser Community nicht erlaubt ist. Entfernen Sie es und reichen Sie erneut ein.',
  'reason.card_rejected.banned_word':
    'Ihre Karte enthält „{word}“, was in dieser Community nicht erlaubt ist. Entfernen Sie es und speichern Sie erneut.',
  'reason.card_rejected.banned_word_in':
    'Ihre Karte enthält „{word}“, was in dieser Community nicht erlaubt ist. Entfernen Sie es und speichern Sie erneut.',
  'reason.comment_rejected.repeat': {
    one: 'Sie haben eben denselben Text veröffentlicht. Ändern Sie ihn, oder warten Sie # Minute, bevor Sie ihn erneut veröffentlichen.',
    other: 'Sie haben eben denselben Text veröffentlicht. Ändern Sie ihn, oder warten Sie # Minuten, bevor Sie ihn erneut veröffentlichen.',
  },
  'reason.idea_rejected.repeat': {
    one: 'Sie haben eben denselben Text eingereicht. Ändern Sie ihn, oder warten Sie # Minute, bevor Sie ihn erneut einreichen.',
    other: 'Sie haben eben denselben Text eingereicht. Ändern Sie ihn, oder warten Sie # Minuten, bevor Sie ihn erneut einreichen.',
  },
  'reason.card_rejected.repeat': {
    one: 'Sie haben eben denselben Text gespeichert. Ändern Sie ihn, oder warten Sie # Minute, bevor Sie ihn erneut speichern.',
    other: 'Sie haben eben denselben Text gespeichert. Ändern Sie ihn, oder warten Sie # Minuten, bevor Sie ihn erneut speichern.',
  },

  // ——— Grenzen und Störungen ———
  'reason.rate_limited.writes':
    'Sie haben in kurzer Zeit zu viele Änderungen vorgenommen. Versuchen Sie es in {retryAfter} Sekunden erneut.',
  'reason.rate_limited.network_writes':
    'Aus Ihrem Netzwerk kamen in kurzer Zeit zu viele Änderungen. Versuchen Sie es in {retryAfter} Sekunden erneut.',
  'reason.rate_limited.exports': 'Sie haben in kurzer Zeit zu oft exportiert. Versuchen Sie es in {retryAfter} Sekunden erneut.',
  'reason.rate_limited.searches': 'Sie haben in kurzer Zeit zu oft gesucht. Versuchen Sie es in {retryAfter} Sekunden erneut.',
  'reason.rate_limited.live_tickets':
    'Sie haben in kurzer Zeit zu viele Live-Aktualisierungen angefordert. Versuchen Sie es in {retryAfter} Sekunden erneut.',
  'reason.rate_limited.http': 'Zu viele Anfragen in kurzer Zeit. Versuchen Sie es gleich noch einmal.',
  'reason.internal_error.unexpected': 'Bei uns ist etwas schiefgegangen. Versuchen Sie es gleich noch einmal.',
  'reason.unavailable.provider_unusable':
    'Die Anmeldung dieser Community ist falsch eingerichtet. Bitten Sie die Administration dieser Seite, sie zu korrigieren.',
  'reason.unavailable.provider_keys': 'Der Anmeldedienst ist gerade nicht erreichbar. Versuchen Sie es gleich noch einmal.',
  'reason.unavailable.sign_in_misconfigured':
    'Die Anmeldung über {issuer} ist gerade nicht möglich. Wenden Sie sich an die Administration dieser Seite.',
  'reason.unavailable.sign_in_down': 'Die Anmeldung über {issuer} ist gerade nicht möglich. Versuchen Sie es gleich noch einmal.',
  'reason.unavailable.live': 'Live-Aktualisierungen sind hier nicht eingerichtet.',
  'reason.unavailable.database': 'Die Datenbank ist kurz nicht erreichbar. Versuchen Sie es in {retryAfter} Sekunden erneut.',

  // ——— Ein Feld ———
  'reason.field.invalid': 'Dieser Wert ist nicht gültig.',
  'reason.field.required': 'Bitte ausfüllen.',
  'reason.field.blank': 'Darf nicht leer sein.',
  'reason.field.invalid_type': 'Dieser Wert hat die falsche Art.',
  'reason.field.too_short': { one: 'Braucht mindestens # Zeichen.', other: 'Braucht mindestens # Zeichen.' },
  'reason.field.too_long': { one: 'Darf höchstens # Zeichen haben.', other: 'Darf höchstens # Zeichen haben.' },
  'reason.field.too_few': { one: 'Braucht mindestens # Eintrag.', other: 'Braucht mindestens # Einträge.' },
  'reason.field.too_many': { one: 'Darf höchstens # Eintrag haben.', other: 'Darf höchstens # Einträge haben.' },
  'reason.field.too_small': 'Muss mindestens {min} sein.',
  'reason.field.too_big': 'Darf höchstens {max} sein.',
  'reason.field.not_integer': 'Muss eine ganze Zahl sein.',
  'reason.field.invalid_value': 'Muss einer dieser Werte sein: {values}.',
  'reason.field.invalid_format': 'Hat nicht das richtige Format.',
  'reason.field.unknown_keys': 'Unbekannte Angaben: {keys}.',
  'reason.field.control_characters': 'Enthält Steuerzeichen.',
  'reason.field.lone_surrogate': 'Enthält beschädigte Zeichen.',
  'reason.field.bidi_override': 'Enthält ein Zeichen, das die Schreibrichtung umkehrt (U+202D oder U+202E).',
  'reason.field.line_break': 'Muss in eine Zeile passen.',
  'reason.field.tab': 'Enthält einen Tabulator; verwenden Sie Leerzeichen.',
  'reason.field.bidi_control': 'Enthält Steuerzeichen für die Schreibrichtung.',
  'reason.field.required_by_board': 'Dieses Board verlangt diese Angabe.',
  'reason.field.no_visible_text': 'Schreiben Sie mindestens ein sichtbares Zeichen.',
  'reason.field.relevance_without_q': 'Nach Relevanz nur mit Suchbegriff.',
  'reason.field.unknown_template': 'Wählen Sie eine vorhandene Vorlage.',
  'reason.field.stale_version': 'Die neueste Version ist {version}.',
  'reason.field.owner_locked': 'Lassen Sie die verantwortliche Person, wie sie ist, oder fragen Sie sie.',
  'reason.field.business_side_only': 'Nur die Geschäftsseite kann das ändern.',
  'reason.field.provider_side_only': 'Nur die IT-Seite (Anbieter) kann das ändern.',
  'reason.field.unit_required': 'Wählen Sie den Bereich, dessen Team die Karte lesen darf, oder eine andere Sichtbarkeit.',
  'reason.field.date_not_future': 'Wählen Sie ein Datum nach heute.',
  'reason.field.date_not_past': 'Wählen Sie heute oder einen früheren Tag.',
  'reason.field.unknown_objective': 'Der Bereich des Plans hat kein aktuelles Ziel „{id}“.',
  'reason.field.status_reason': 'Für diesen Status ist eine Begründung von mindestens 10 Zeichen nötig.',
  'reason.field.revisit_date': 'Dieser Status braucht ein Datum nach heute für die erneute Prüfung.',
  'reason.field.no_revisit_date': 'Dieser Status nimmt kein Datum für eine erneute Prüfung.',
  'reason.field.min_value_range': 'Wählen Sie einen Wert von {min} bis {max}.',
  'reason.field.other_thread': 'Kein Kommentar dieser Diskussion.',
  'reason.field.in_past': 'Liegt in der Vergangenheit.',
  'reason.field.id_mismatch': 'Verwenden Sie dieselbe ID wie in der Adresse.',
  'reason.field.opener_not_allowed':
    'Kein Ursprung, den „{tenant}“ zulässt: Tragen Sie ihn genau so ein (pnpm bridgekit origins add {tenant} <Ursprung>) oder in BRIDGEKIT_CONSOLE_ORIGINS.',
  'reason.field.score_scale': '„{criterion}“ nimmt eine ganze Zahl von 1 bis 5.',
  'reason.field.score_tshirt': '„{criterion}“ nimmt XS, S, M, L oder XL.',
  'reason.field.score_yesno': '„{criterion}“ nimmt Ja oder Nein.',
  'reason.field.score_fibonacci': '„{criterion}“ nimmt einen dieser Werte: {values}.',
  'reason.field.no_criterion': 'Die Bewertung dieses Boards hat kein Kriterium „{key}“.',
  'reason.field.unknown_member':
    'Niemand in dieser Community hat das Kürzel „{handle}“; lassen Sie es weg, um jemanden ohne Mitgliedschaft zu nennen.',
  'reason.field.unknown_owner': 'Niemand in dieser Community hat das Kürzel „{handle}“.',
  'reason.field.unknown_unit': 'Es gibt keinen aktuellen Geschäftsbereich mit dem Schlüssel „{unit}“.',
  'reason.field.not_an_objective': 'Es gibt kein aktuelles Ziel mit der Kennung „{id}“.',
  'reason.field.unknown_link': 'Das verknüpfte Element „{id}“ gibt es in dieser Community nicht.',
  'reason.field.url': 'Diese Adresse ist hier nicht erlaubt.',
  'reason.field.page_url': 'Muss eine vollständige https://-Adresse sein (http:// nur für localhost).',
  'reason.field.page_placeholder': 'Muss {placeholder} genau einmal enthalten: Dort steht die ID des Elements.',

  // ——— Warum etwas auf die Moderation wartet ———
  'reason.held.every_comment': 'Vorabprüfung: Jeder Kommentar wird geprüft',
  'reason.held.every_idea': 'Vorabprüfung: Jede Idee wird geprüft',
  'reason.held.every_card': 'Vorabprüfung: Jede Karte wird geprüft',
  'reason.held.every_card_edit': 'Vorabprüfung: Jede Änderung einer Karte wird geprüft',
  'reason.held.newcomer': {
    one: 'Vorabprüfung: Der erste Beitrag einer Person wird geprüft',
    other: 'Vorabprüfung: Die ersten # Beiträge einer Person werden geprüft',
  },
  'reason.held.links': { one: '# Link (erlaubt sind {max})', other: '# Links (erlaubt sind {max})' },
  'reason.held.suspect_word': 'Enthält das zu prüfende Wort „{word}“',
  'reason.held.suspect_word_in': 'Enthält das zu prüfende Wort „{word}“ (in {field})',
  'reason.held.suspect_word_hidden': 'Enthält ein Wort, das die Moderation vor der Veröffentlichung prüft',
  'reason.held.flagged': { one: 'Nach # Meldung ausgeblendet', other: 'Nach # Meldungen ausgeblendet' },

  'error.server':
    'Bei uns ist etwas schiefgegangen (Referenz {requestId}). Versuchen Sie es noch einmal; wenn der Fehler bleibt, wenden Sie sich an die Administration dieser Seite.',
  'outage.unreachable': 'Der Dienst ist gerade nicht erreichbar.',
  'outage.retrying': 'Neuer Versuch läuft …',
  'outage.retryingIn': 'Neuer Versuch in {seconds} s.',
  'outage.retryingInMinutes': 'Neuer Versuch in {minutes} Min.',
  'outage.tryNow': 'Jetzt versuchen',
  'outage.waiting': 'Dieser Teil lädt, sobald die Verbindung wieder steht.',
  'hint.board': 'Prüfen Sie den Namen des Boards in den Seiteneinstellungen.',
  'hint.card': 'Prüfen Sie die Karten-ID in den Seiteneinstellungen.',
  'value.role.admin': 'Administration',
  'value.role.moderator': 'Moderation',
  'value.role.evaluator': 'Bewertung',
  'value.current.admin': 'Administration',
  'value.current.moderator': 'Moderation',
  'value.current.evaluator': 'Bewertung',
};
