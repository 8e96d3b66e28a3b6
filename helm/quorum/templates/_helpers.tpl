{{/* SPDX-License-Identifier: Apache-2.0 */}}

{{- define "quorum.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "quorum.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "quorum.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of a component's objects: <fullname>-<component>. */}}
{{- define "quorum.componentName" -}}
{{- printf "%s-%s" (include "quorum.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "quorum.selectorLabels" -}}
app.kubernetes.io/name: {{ include "quorum.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "quorum.labels" -}}
helm.sh/chart: {{ include "quorum.chart" .root }}
{{ include "quorum.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: quorum
{{- end }}

{{- define "quorum.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "quorum.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "quorum.image" -}}
{{- $g := .root.Values.global.image -}}
{{- $repo := printf "%s/%s-service" $g.repository .component -}}
{{- if $g.registry }}{{ $repo = printf "%s/%s" $g.registry $repo }}{{ end -}}
{{- printf "%s:%s" $repo (default .root.Chart.AppVersion $g.tag) }}
{{- end }}

{{- define "quorum.redisUrl" -}}
{{- if .Values.redis.url }}
{{- .Values.redis.url }}
{{- else }}
{{- printf "redis://%s-redis:6379" (include "quorum.fullname" .) }}
{{- end }}
{{- end }}

{{- define "quorum.serviceUrl" -}}
{{- $c := index .root.Values .component -}}
{{- printf "http://%s:%v" (include "quorum.componentName" .) $c.port }}
{{- end }}

{{/* Environment every component gets, then the component's own, then values' env map. */}}
{{- define "quorum.env" -}}
{{- $root := .root -}}
{{- $c := index $root.Values .component -}}
- name: SERVER_PORT
  value: {{ $c.port | quote }}
- name: SPRING_DATA_REDIS_URL
  value: {{ include "quorum.redisUrl" $root | quote }}
{{- if eq .component "gateway" }}
- name: QUORUM_GATEWAY_ROUTES_DECODE_URI
  value: {{ include "quorum.serviceUrl" (dict "root" $root "component" "decode") | quote }}
- name: QUORUM_GATEWAY_ROUTES_ENSEMBLE_URI
  value: {{ include "quorum.serviceUrl" (dict "root" $root "component" "ensemble") | quote }}
- name: QUORUM_GATEWAY_ROUTES_VERIFIER_URI
  value: {{ include "quorum.serviceUrl" (dict "root" $root "component" "verifier") | quote }}
- name: QUORUM_GATEWAY_AUTH_MODE
  value: {{ $root.Values.auth.mode | quote }}
{{- else if eq .component "decode" }}
- name: QUORUM_DECODE_PREFILL_URI
  value: {{ include "quorum.serviceUrl" (dict "root" $root "component" "prefill") | quote }}
{{- else if eq .component "verifier" }}
- name: QUORUM_VERIFIER_DECODEURI
  value: {{ include "quorum.serviceUrl" (dict "root" $root "component" "decode") | quote }}
{{- else if eq .component "ensemble" }}
- name: QUORUM_ENSEMBLE_DECODEURI
  value: {{ include "quorum.serviceUrl" (dict "root" $root "component" "decode") | quote }}
- name: QUORUM_ENSEMBLE_VERIFIERURI
  value: {{ include "quorum.serviceUrl" (dict "root" $root "component" "verifier") | quote }}
{{- end }}
{{- range $name, $value := $c.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* A component's Deployment. */}}
{{- define "quorum.deployment" -}}
{{- $root := .root -}}
{{- $c := index $root.Values .component -}}
{{- if $c.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "quorum.componentName" . }}
  labels:
    {{- include "quorum.labels" . | nindent 4 }}
spec:
  {{- if not $c.autoscaling.enabled }}
  replicas: {{ $c.replicaCount }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "quorum.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      annotations:
        {{- if and (eq .component "gateway") (eq $root.Values.auth.mode "keys") }}
        checksum/auth: {{ include (print $root.Template.BasePath "/secret-auth.yaml") $root | sha256sum }}
        {{- end }}
        {{- with $c.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "quorum.labels" . | nindent 8 }}
        {{- with $c.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with $root.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "quorum.serviceAccountName" $root }}
      automountServiceAccountToken: {{ $root.Values.serviceAccount.automount }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: 45
      containers:
        - name: {{ .component }}
          image: {{ include "quorum.image" . | quote }}
          imagePullPolicy: {{ $root.Values.global.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.securityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ $c.port }}
              protocol: TCP
          env:
            {{- include "quorum.env" . | nindent 12 }}
          {{- if and (eq .component "gateway") (eq $root.Values.auth.mode "keys") }}
          envFrom:
            - secretRef:
                name: {{ default (printf "%s-auth" (include "quorum.fullname" $root)) $root.Values.auth.existingSecret }}
          {{- end }}
          startupProbe:
            httpGet: { path: /actuator/health/liveness, port: http }
            periodSeconds: 5
            failureThreshold: 60
          livenessProbe:
            httpGet: { path: /actuator/health/liveness, port: http }
            periodSeconds: 10
            failureThreshold: 3
          readinessProbe:
            httpGet: { path: /actuator/health/readiness, port: http }
            periodSeconds: 5
            failureThreshold: 3
          lifecycle:
            preStop:
              sleep: { seconds: 5 }
          resources:
            {{- toYaml $c.resources | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
      {{- with $c.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}
{{- end }}

{{/* A component's Service: one port, named http (Istio and Linkerd read the name). */}}
{{- define "quorum.service" -}}
{{- $c := index .root.Values .component -}}
{{- if $c.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "quorum.componentName" . }}
  labels:
    {{- include "quorum.labels" . | nindent 4 }}
spec:
  type: {{ $c.service.type }}
  ports:
    - name: http
      port: {{ $c.port }}
      targetPort: http
      protocol: TCP
      appProtocol: http
  selector:
    {{- include "quorum.selectorLabels" . | nindent 4 }}
{{- end }}
{{- end }}

{{- define "quorum.hpa" -}}
{{- $c := index .root.Values .component -}}
{{- if and $c.enabled $c.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "quorum.componentName" . }}
  labels:
    {{- include "quorum.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "quorum.componentName" . }}
  minReplicas: {{ $c.autoscaling.minReplicas }}
  maxReplicas: {{ $c.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $c.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end }}

{{- define "quorum.pdb" -}}
{{- $c := index .root.Values .component -}}
{{- if and $c.enabled $c.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "quorum.componentName" . }}
  labels:
    {{- include "quorum.labels" . | nindent 4 }}
spec:
  {{- if hasKey $c.podDisruptionBudget "maxUnavailable" }}
  maxUnavailable: {{ $c.podDisruptionBudget.maxUnavailable }}
  {{- else }}
  minAvailable: {{ $c.podDisruptionBudget.minAvailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "quorum.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{- define "quorum.serviceMonitor" -}}
{{- $c := index .root.Values .component -}}
{{- if and $c.enabled .root.Values.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "quorum.componentName" . }}
  labels:
    {{- include "quorum.labels" . | nindent 4 }}
    {{- with .root.Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "quorum.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /actuator/prometheus
      interval: {{ .root.Values.serviceMonitor.interval }}
      scrapeTimeout: {{ .root.Values.serviceMonitor.scrapeTimeout }}
{{- end }}
{{- end }}
