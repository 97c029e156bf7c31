package parse

import (
	"fmt"
	"math"
	"strings"

	"github.com/workin/workin/metrics"
)

// The workout exports. Each spec's comment names the file, where it comes
// from and the columns used; formats.md in the project's references quotes
// their real headers.

// sportNames translates activity types of localised exports, so that a run
// is a run whatever the account's language (classification reads the
// English word).
var sportNames = map[string]string{
	"hardloopsessie": "Run", "fietsrit": "Ride", "zwemsessie": "Swim", "wandeling": "Walk", "wandelen": "Walk",
	"løb": "Running", "cykling": "Cycling", "svømning": "Swimming", "styrketræning": "Strength Training",
	"löpning": "Running", "simning": "Swimming", "styrketräning": "Strength Training", "inomhuscykling": "Indoor Cycling",
	"promenad": "Walking", "gång": "Walking", "lauf": "Run", "radfahrt": "Ride", "schwimmen": "Swim",
	"course à pied": "Run", "sortie à vélo": "Ride", "carrera": "Run", "bicicleta": "Ride",
}

func sportName(s string) string {
	if en, ok := sportNames[strings.ToLower(strings.TrimSpace(s))]; ok {
		return en
	}
	return strings.TrimSpace(s)
}

// endurance reports whether a sport is timed by moving time.
func endurance(sport string) bool {
	s := strings.ToLower(sport)
	for _, w := range []string{"run", "ride", "swim", "walk", "hike", "ski", "row", "cycl", "bike", "paddle", "kayak", "skat"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// joinNotes joins non-empty texts with " — ".
func joinNotes(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " — ")
}

// km converts a distance in metres, keeping only positive values.
func km(metres float64) float64 {
	if d := positive(metres); metrics.Known(d) {
		return d / 1000
	}
	return metrics.Missing()
}

// given keeps an export's own load when it is a load (0 included).
func given(v float64) float64 {
	if metrics.Known(v) && v >= 0 {
		return v
	}
	return metrics.Missing()
}

// stravaSpec reads Strava's bulk-export activities.csv: every layout from
// the 2018 snake_case one to today's 103 columns, English and localised
// headers (Dutch, German, French, Spanish), HTML "translation missing"
// cells. Activity Date is UTC; the profile's timezone gives the local day.
// Distance and Elapsed Time are read from their last (canonical) column.
var stravaSpec = &spec{
	name: "strava", label: "Strava activities.csv", kind: KindWorkouts, mark: markPoint, load: "Strava Training Load", utc: true,
	cols: []col{
		{"id", []string{"activity_id", "id", "activiteits_id", "aktivitäts_id", "id_de_l_activité", "id_de_actividad"}, false},
		{"start", []string{"activity_date", "date", "datum_van_activiteit", "aktivitätsdatum", "date_de_l_activité", "fecha_de_la_actividad"}, false},
		{"name", []string{"activity_name", "name", "naam_activiteit", "name_der_aktivität", "nom_de_l_activité", "nombre_de_la_actividad"}, false},
		{"sport", []string{"activity_type", "type", "activiteitstype", "aktivitätsart", "type_d_activité", "tipo_de_actividad"}, false},
		{"description", []string{"activity_description", "description", "beschrijving_van_activiteit", "aktivitätsbeschreibung", "description_de_l_activité"}, false},
		{"elapsed", []string{"elapsed_time", "verstreken_tijd", "verstrichene_zeit", "temps_écoulé", "tiempo_transcurrido"}, true},
		{"moving", []string{"moving_time", "beweegtijd", "bewegungszeit", "temps_de_déplacement", "tiempo_en_movimiento"}, false},
		{"distance", []string{"distance", "afstand", "distanz", "distancia"}, true},
		{"max_hr", []string{"max_heart_rate", "max_hartslag", "max_herzfrequenz", "fréquence_cardiaque_max"}, false},
		{"avg_hr", []string{"average_heart_rate", "gemiddelde_hartslag", "durchschnittliche_herzfrequenz", "fréquence_cardiaque_moyenne"}, false},
		{"avg_power", []string{"average_watts", "gemiddeld_wattage", "durchschnittliche_watt"}, false},
		{"np", []string{"weighted_average_power", "gewogen_gemiddeld_vermogen", "gewichtete_durchschnittliche_leistung"}, false},
		{"rpe", []string{"perceived_exertion", "ervaren_inspanning", "wahrgenommene_anstrengung", "esfuerzo_percibido"}, false},
		{"load", []string{"training_load"}, false},
		{"intensity", []string{"intensity"}, false},
	},
	need:  []string{"id", "start", "sport", "elapsed"},
	notes: []string{"Strava's Relative Effort is not on the TSS scale and is not used as load"},
	workout: func(r *vrow) (metrics.Workout, string, *rowError) {
		w := metrics.NewWorkout()
		st, e := r.when("start")
		if e != nil {
			return w, "", e
		}
		w.Date, w.StartSec = st.date, st.sec
		v, e := r.nums("elapsed", "moving", "distance", "max_hr", "avg_hr", "avg_power", "np", "rpe", "load")
		if e != nil {
			return w, "", e
		}
		elapsed, moving := positive(v[0]), positive(v[1])
		w.Sport = sportName(r.str("sport"))
		w.Duration = elapsed
		if metrics.Known(moving) && endurance(w.Sport) {
			w.Duration = moving
		}
		w.DistanceKm = km(v[2])
		w.MaxHR, w.AvgHR = positive(v[3]), round(positive(v[4]), 1)
		w.AvgPower, w.NP, w.RPE, w.TSS = positive(v[5]), positive(v[6]), positive(v[7]), positive(v[8])
		w.Notes = joinNotes(r.str("name"), r.str("description"))
		if !metrics.Known(w.Duration) {
			return w, "", &rowError{"elapsed", fmt.Errorf("the activity has no elapsed time")}
		}
		// Intensity is IF × 100 against the athlete's FTP setting, so with
		// the weighted average power it states that FTP.
		it, e := r.num("intensity")
		if e != nil {
			return w, "", e
		}
		if ftp := math.Round(w.NP * 100 / it); metrics.Known(ftp) && it >= stravaMinIntensity && ftp <= 2000 {
			w.Stated.FTP = ftp
		}
		return w, "", nil
	},
}

// stravaMinIntensity is the lowest Intensity (IF × 100, written as a whole
// number) from which the FTP it implies is read: below it the rounding of
// the column moves the FTP by more than 2 %.
const stravaMinIntensity = 25

// garminSpec reads Garmin Connect's Activities.csv (the activity list's
// "Export CSV"), English and localised (Danish, Swedish) headers, with or
// without Favorite. Date is local. Distance is in the account's display unit
// (profile distance_unit, km by default), metres for swims.
var garminSpec = &spec{
	name: "garmin", label: "Garmin Connect Activities.csv", kind: KindWorkouts, mark: markGuess, load: "Garmin Training Stress Score",
	cols: []col{
		{"sport", []string{"activity_type", "aktivitetstype", "aktivitetstyp", "aktivitätstyp", "type_d_activité"}, false},
		{"start", []string{"date", "dato", "datum"}, false},
		{"title", []string{"title", "titel", "namn", "titre"}, false},
		{"distance", []string{"distance", "distans", "distanz"}, false},
		{"time", []string{"time", "activity_time", "tid", "zeit", "temps"}, false},
		{"moving", []string{"moving_time", "færdtid", "färdtid", "bewegungszeit"}, false},
		{"elapsed", []string{"elapsed_time", "total_tid", "samlet_tid", "gesamtzeit"}, false},
		{"avg_hr", []string{"avg_hr", "gennemsnitlig_puls", "medelpuls", "ø_herzfrequenz"}, false},
		{"max_hr", []string{"max_hr", "maks_puls", "maxpuls", "max_herzfrequenz"}, false},
		{"tss", []string{"training_stress_score"}, false},
		{"np", []string{"normalized_power_np"}, false},
		{"avg_power", []string{"avg_power", "med_kraft", "medelkraft", "gennemsnitlig_kraft"}, false},
	},
	need: []string{"sport", "start", "time"},
	workout: func(r *vrow) (metrics.Workout, string, *rowError) {
		w := metrics.NewWorkout()
		st, e := r.when("start")
		if e != nil {
			return w, "", e
		}
		w.Date, w.StartSec = st.date, st.sec
		w.Sport = sportName(r.str("sport"))
		for _, f := range []string{"time", "moving", "elapsed"} {
			d, err := clockDuration(r.str(f))
			if err != nil {
				return w, "", &rowError{f, err}
			}
			if d = positive(d); metrics.Known(d) {
				w.Duration = d
				break
			}
		}
		v, e := r.nums("distance", "avg_hr", "max_hr", "tss", "np", "avg_power")
		if e != nil {
			return w, "", e
		}
		if d := positive(v[0]); metrics.Known(d) {
			switch {
			case strings.Contains(strings.ToLower(w.Sport), "swim"):
				w.DistanceKm = d / 1000
			case r.unit == "mi":
				w.DistanceKm = d * 1.609344
			default:
				w.DistanceKm = d
			}
		}
		w.AvgHR, w.MaxHR, w.TSS, w.NP, w.AvgPower = positive(v[1]), positive(v[2]), positive(v[3]), positive(v[4]), positive(v[5])
		w.Notes = r.str("title")
		if !metrics.Known(w.Duration) {
			return w, "", &rowError{"time", fmt.Errorf("the activity has no time")}
		}
		return w, "", nil
	},
}

// intervalsActivitiesSpec reads intervals.icu's activities CSV (calendar
// download or /api/v1/athlete/{id}/activities.csv): local start, moving
// time in seconds, metres, and icu_training_load, already on the TSS scale.
var intervalsActivitiesSpec = &spec{
	name: "intervals", label: "intervals.icu activities.csv", kind: KindWorkouts, mark: markPoint, load: "intervals.icu load",
	cols: []col{
		{"start", []string{"start_date_local"}, false},
		{"sport", []string{"type"}, false},
		{"moving", []string{"moving_time"}, false},
		{"elapsed", []string{"elapsed_time"}, false},
		{"distance", []string{"distance"}, false},
		{"avg_hr", []string{"average_heartrate"}, false},
		{"max_hr", []string{"max_heartrate"}, false},
		{"avg_power", []string{"icu_average_watts"}, false},
		{"np", []string{"icu_normalized_watts"}, false},
		{"load", []string{"icu_training_load"}, false},
		{"rpe", []string{"icu_rpe"}, false},
		{"name", []string{"name"}, false},
		{"description", []string{"description"}, false},
		// The athlete settings intervals.icu used for the activity.
		{"ftp", []string{"icu_ftp"}, false},
		{"lthr", []string{"lthr"}, false},
		{"rest_hr", []string{"icu_resting_hr"}, false},
		{"hr_max", []string{"hr_max"}, false},
	},
	need: []string{"start", "sport", "moving", "load"},
	workout: func(r *vrow) (metrics.Workout, string, *rowError) {
		w := metrics.NewWorkout()
		st, e := r.when("start")
		if e != nil {
			return w, "", e
		}
		w.Date, w.StartSec = st.date, st.sec
		v, e := r.nums("moving", "elapsed", "distance", "avg_hr", "max_hr", "avg_power", "np", "load", "rpe")
		if e != nil {
			return w, "", e
		}
		w.Sport = sportName(r.str("sport"))
		w.Duration = positive(v[0])
		if !metrics.Known(w.Duration) {
			w.Duration = positive(v[1])
		}
		w.DistanceKm = km(v[2])
		w.AvgHR, w.MaxHR, w.AvgPower, w.NP = positive(v[3]), positive(v[4]), positive(v[5]), positive(v[6])
		w.TSS, w.RPE = given(v[7]), positive(v[8])
		w.Notes = joinNotes(r.str("name"), r.str("description"))
		st2, e := r.nums("ftp", "lthr", "rest_hr", "hr_max")
		if e != nil {
			return w, "", e
		}
		w.Stated = metrics.Settings{FTP: positive(st2[0]), LTHR: positive(st2[1]), RestingHR: positive(st2[2]), MaxHR: positive(st2[3])}
		return w, "", nil
	},
}

// trainingPeaksSpec reads TrainingPeaks' workout summaries (workouts.csv):
// WorkoutDay, decimal hours, metres, TSS. A row with a PlannedDuration and
// no actuals (no TimeTotalInHours) is a planned workout: it is read as a
// planned session (File.Planned), never load. Day Off rows are rest
// markers, and rows with neither actuals nor a plan hold nothing; both are
// counted, not read.
var trainingPeaksSpec = &spec{
	name: "trainingpeaks", label: "TrainingPeaks workouts.csv", kind: KindWorkouts, mark: markPoint, load: "TrainingPeaks TSS",
	cols: []col{
		{"title", []string{"title"}, false},
		{"sport", []string{"workouttype"}, false},
		{"day", []string{"workoutday"}, false},
		{"hours", []string{"timetotalinhours"}, false},
		{"distance", []string{"distanceinmeters"}, false},
		{"avg_power", []string{"poweraverage"}, false},
		{"avg_hr", []string{"heartrateaverage"}, false},
		{"max_hr", []string{"heartratemax"}, false},
		{"tss", []string{"tss"}, false},
		{"rpe", []string{"rpe"}, false},
		{"comments", []string{"athletecomments"}, false},
		{"planned_hours", []string{"plannedduration"}, false},
		{"planned_distance", []string{"planneddistanceinmeters"}, false},
	},
	need: []string{"sport", "day", "hours"},
	workout: func(r *vrow) (metrics.Workout, string, *rowError) {
		w := metrics.NewWorkout()
		if strings.EqualFold(r.str("sport"), "Day Off") {
			return w, "Day Off rows (rest markers, no session)", nil
		}
		v, e := r.nums("hours", "distance", "avg_power", "avg_hr", "max_hr", "tss", "rpe", "planned_hours", "planned_distance")
		if e != nil {
			return w, "", e
		}
		hours := positive(v[0])
		if !metrics.Known(hours) {
			// No actuals: a planned workout, or nothing at all.
			if hours = positive(v[7]); !metrics.Known(hours) {
				return w, "rows with neither actuals nor a planned duration (they hold no session)", nil
			}
			w.Planned = true
			v[1] = v[8] // the planned distance
		}
		st, e := r.when("day")
		if e != nil {
			return w, "", e
		}
		w.Date = st.date
		w.Sport, w.Duration = sportName(r.str("sport")), hours*3600
		w.DistanceKm = km(v[1])
		w.AvgPower, w.AvgHR, w.MaxHR = positive(v[2]), positive(v[3]), positive(v[4])
		w.TSS, w.RPE = given(v[5]), positive(v[6])
		w.Notes = joinNotes(r.str("title"), r.str("comments"))
		return w, "", nil
	},
}

// whoopWorkoutsSpec reads WHOOP's workouts.csv: local start, minutes,
// average heart rate, GPS metres. Activity Strain (0–21) is not on the TSS
// scale and is not used as load.
var whoopWorkoutsSpec = &spec{
	name: "whoop", label: "WHOOP workouts.csv", kind: KindWorkouts, mark: markPoint,
	cols: []col{
		{"start", []string{"workout_start_time", "hora_de_inicio_del_entrenamiento"}, false},
		{"minutes", []string{"duration_min", "duración_min"}, false},
		{"sport", []string{"activity_name", "nombre_de_la_actividad"}, false},
		{"avg_hr", []string{"average_hr_bpm", "fc_promedio_lpm"}, false},
		{"max_hr", []string{"max_hr_bpm", "fc_máx_lpm"}, false},
		{"distance", []string{"distance_meters", "distancia_metros"}, false},
	},
	need:  []string{"start", "minutes", "sport"},
	notes: []string{"WHOOP's Activity Strain (0–21) is not on the TSS scale; loads come from heart rate and the profile"},
	workout: func(r *vrow) (metrics.Workout, string, *rowError) {
		w := metrics.NewWorkout()
		st, e := r.when("start")
		if e != nil {
			return w, "", e
		}
		w.Date, w.StartSec = st.date, st.sec
		v, e := r.nums("minutes", "avg_hr", "max_hr", "distance")
		if e != nil {
			return w, "", e
		}
		w.Sport, w.Duration = sportName(r.str("sport")), positive(v[0])*60
		w.AvgHR, w.MaxHR, w.DistanceKm = positive(v[1]), positive(v[2]), km(v[3])
		return w, "", nil
	},
}

// pmsysSRPESpec reads the PMSys team app's srpe.csv: end time (UTC),
// activities, CR-10 RPE and minutes; the session starts duration before
// its end.
var pmsysSRPESpec = &spec{
	name: "pmsys-srpe", label: "PMSys srpe.csv", kind: KindWorkouts, mark: markPoint, utc: true,
	cols: []col{
		{"end", []string{"end_date_time"}, false},
		{"sport", []string{"activity_names"}, false},
		{"rpe", []string{"perceived_exertion"}, false},
		{"minutes", []string{"duration_min"}, false},
	},
	need: []string{"end", "rpe", "minutes"},
	workout: func(r *vrow) (metrics.Workout, string, *rowError) {
		w := metrics.NewWorkout()
		v, e := r.nums("rpe", "minutes")
		if e != nil {
			return w, "", e
		}
		w.RPE, w.Duration = v[0], positive(v[1])*60
		end, e := r.when("end")
		if e != nil {
			return w, "", e
		}
		if e := firstError(rangeDuration.check(w.Duration), rangeRPE.check(w.RPE)); e != nil {
			return w, "", e
		}
		start := int(end.sec)
		if metrics.Known(w.Duration) {
			start -= int(w.Duration)
		}
		days := 0
		for start < 0 { // at most a few days: durations are under 100 hours
			start += 86400
			days++
		}
		w.Date, w.StartSec = end.date-metrics.Date(days), int32(start)
		w.Sport = pmsysActivity(r.str("sport"))
		return w, "", nil
	},
}

// pmsysActivity turns "['team', 'soccer']" into "soccer": the list's most
// specific (last) entry.
func pmsysActivity(s string) string {
	s = strings.Trim(s, "[] ")
	parts := strings.Split(s, ",")
	last := strings.Trim(strings.TrimSpace(parts[len(parts)-1]), `'"`)
	if last == "" {
		return "other"
	}
	return last
}
